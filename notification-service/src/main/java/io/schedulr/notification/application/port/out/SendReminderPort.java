package io.schedulr.notification.application.port.out;

import io.schedulr.notification.domain.DueReminder;
import io.smallrye.mutiny.Uni;

import java.time.Instant;

/** Mails a reminder to its recipient (fails when the mail server refuses it or cannot be reached). */
public interface SendReminderPort {
    /** @param now when it is sent, for "starts in 10 minutes" */
    Uni<Void> send(DueReminder reminder, Instant now);
}
