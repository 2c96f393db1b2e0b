package io.schedulr.scheduling.domain;

public class SlotNotFoundException extends DomainException {
    public SlotNotFoundException(SlotId slotId) {
        super("slot_not_found", "No slot " + slotId + ".");
    }
}
