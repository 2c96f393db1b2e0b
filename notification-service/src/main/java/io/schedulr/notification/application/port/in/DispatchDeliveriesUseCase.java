package io.schedulr.notification.application.port.in;

import io.smallrye.mutiny.Uni;

/** Sends the queued mails that are due; failures are parked for a later round. */
public interface DispatchDeliveriesUseCase {

    Uni<Report> dispatchDue();

    record Report(int claimed, int sent, int failed) {
    }
}
