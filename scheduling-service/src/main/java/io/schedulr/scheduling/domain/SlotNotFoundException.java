package io.schedulr.scheduling.domain;

import java.util.UUID;

public class SlotNotFoundException extends DomainException {
    public SlotNotFoundException(UUID slotId) {
        super("slot_not_found", "No slot " + slotId + ".");
    }
}
