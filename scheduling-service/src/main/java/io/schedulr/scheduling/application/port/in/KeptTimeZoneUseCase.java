package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

/** The zone a person's times are written in, read back: the one they set, else the one their token last stated, else UTC. */
public interface KeptTimeZoneUseCase {
    Uni<String> kept(UserProfile caller);
}
