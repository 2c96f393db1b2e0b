package io.schedulr.scheduling.domain;

/** How a person is reminded: by email from us, or only by the on-screen reminders of their own Google events. */
public enum ReminderChannel {
    EMAIL,
    POPUP
}
