package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

import java.time.ZoneId;

/**
 * A person sets the zone their times are written in: their mails, reminders and Google events. Google's ID tokens state
 * none, so without it everyone signed in with Google would read UTC. A zone set so is kept over a token's.
 */
public interface ChooseTimeZoneUseCase {
    /** Stores it; answers the zone now kept. */
    Uni<String> choose(UserProfile caller, ZoneId zone);
}
