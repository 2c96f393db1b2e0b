package io.schedulr.notification.application.port.in;

import io.smallrye.mutiny.Uni;

/**
 * Sends the queued mails that are due; a mail the server refuses is parked for a later round. While the mail server
 * cannot be reached nothing is sent and nothing counts as an attempt: each round only asks whether it answers again.
 */
public interface DispatchDeliveriesUseCase {

    Uni<Report> dispatchDue();

    /**
     * @param held           claimed but given back untried or unsent because the mail server was unreachable
     * @param mailServerDown the mail server is unreachable: the caller should come back after a short pause
     */
    record Report(int claimed, int sent, int failed, int held, boolean mailServerDown) {
        public static Report waitingForMailServer() {
            return new Report(0, 0, 0, 0, true);
        }
    }
}
