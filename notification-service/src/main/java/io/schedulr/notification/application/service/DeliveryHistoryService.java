package io.schedulr.notification.application.service;

import io.schedulr.notification.application.port.in.ListDeliveriesUseCase;
import io.schedulr.notification.application.port.out.LoadDeliveryHistoryPort;
import io.schedulr.notification.domain.DeliveryAttemptRecord;
import io.smallrye.mutiny.Uni;

import java.util.List;

/** Operators read any room's deliveries; the host and the guest (by user id) read their own room's; nobody else any. */
public class DeliveryHistoryService implements ListDeliveriesUseCase {
    private final LoadDeliveryHistoryPort history;

    public DeliveryHistoryService(LoadDeliveryHistoryPort history) {
        this.history = history;
    }

    @Override
    public Uni<List<DeliveryAttemptRecord>> list(ListDeliveriesQuery query) {
        Uni<Boolean> mayRead = query.operator() ? Uni.createFrom().item(true)
                : query.callerId() == null ? Uni.createFrom().item(false)
                : history.isParticipant(query.roomId(), query.callerId());
        return mayRead.flatMap(allowed -> allowed ? history.forRoom(query.roomId()) : Uni.createFrom().item(List.<DeliveryAttemptRecord>of()))
                .flatMap(records -> records.isEmpty()
                        ? Uni.createFrom().failure(new RoomNotFoundException("No room " + query.roomId() + " is known to you here."))
                        : Uni.createFrom().item(records));
    }
}
