package io.schedulr.calendarsync.application.port.in;

/** Brings the reminders of people's future Google events in line with their changed preferences, one event at a time. */
public interface PatchRemindersUseCase {
    /** Sets the reminders of the next due event (one transaction); false when none is due. */
    boolean patchNext();
}
