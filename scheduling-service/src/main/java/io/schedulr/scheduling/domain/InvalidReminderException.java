package io.schedulr.scheduling.domain;

/** Reminder preferences outside the rules; {@link #part()} says which part, so an adapter can name its field. */
public class InvalidReminderException extends InvalidRequestException {
    public enum Part {
        LEADS,
        CHANNEL
    }

    private final Part part;

    public InvalidReminderException(Part part, String message) {
        super(part == Part.LEADS ? "invalid_reminder_minutes" : "invalid_reminder_channel", message);
        this.part = part;
    }

    public Part part() {
        return part;
    }
}
