package io.schedulr.notification.application.port.in;

import io.smallrye.mutiny.Uni;

/** One round of the bounce alert sender: claim what is due and send each, until nothing is due. */
public interface SendBounceAlertsUseCase {

    /**
     * @param failed  alerts the mail server refused, tried again later
     * @param givenUp alerts refused as often as allowed, not tried again
     * @param errors  alerts whose outcome could not be stored (taken again when the lease runs out)
     */
    record Report(int claimed, int sent, int failed, int givenUp, int errors) {
        public Report plus(Report other) {
            return new Report(claimed + other.claimed, sent + other.sent, failed + other.failed, givenUp + other.givenUp,
                    errors + other.errors);
        }
    }

    Uni<Report> sendDue();
}
