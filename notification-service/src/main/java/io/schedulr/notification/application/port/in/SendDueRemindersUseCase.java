package io.schedulr.notification.application.port.in;

import io.smallrye.mutiny.Uni;

/** One round of the reminder sender: claim what is due, send or skip each, until nothing is due. */
public interface SendDueRemindersUseCase {

    /**
     * @param failed reminders the mail server refused (tried again later)
     * @param errors reminders that could not be settled (left claimed; taken again when the lease runs out)
     */
    record Report(int claimed, int sent, int skippedLate, int cancelled, int failed, int errors) {
        public Report plus(Report other) {
            return new Report(claimed + other.claimed, sent + other.sent, skippedLate + other.skippedLate, cancelled + other.cancelled,
                    failed + other.failed, errors + other.errors);
        }
    }

    Uni<Report> sendDue();
}
