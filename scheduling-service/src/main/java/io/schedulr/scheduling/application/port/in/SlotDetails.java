package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.UserProfile;

/** A slot with its host, so whoever may book it sees whom they would meet. {@code host} is null if unknown. */
public record SlotDetails(Slot slot, UserProfile host) {
}
