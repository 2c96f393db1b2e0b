package io.schedulr.scheduling.application.port.out;

import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

import java.util.Collection;
import java.util.List;
import java.util.Map;

public interface UserDirectoryPort {
    /**
     * Creates or refreshes a person from their token's claims. A profile without a zone (the token states none) keeps the
     * zone kept for the person (UTC for someone new); a zone the person set ({@link ChooseTimeZonePort}) stays over any.
     */
    Uni<UserProfile> upsert(UserProfile user);

    /** The known people among {@code ids}, by id. */
    Uni<Map<String, UserProfile>> findAll(Collection<String> ids);

    /**
     * The ids of the people who signed in with any of these addresses (compared in any case), by their address in lower
     * case; none for an unknown one.
     */
    Uni<Map<String, String>> idsByAddress(Collection<String> emails);
}
