package io.schedulr.notification.application.service;

import io.schedulr.notification.application.port.in.ListDeliveriesUseCase;
import io.schedulr.notification.application.port.out.LoadDeliveryHistoryPort;
import io.schedulr.notification.domain.DeliveryAttemptRecord;
import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * Operators read any room's deliveries; the host and the guest (by user id) read those of the meetings they were in (a
 * room booked again after its guest left is a new meeting); nobody else any.
 */
public class DeliveryHistoryService implements ListDeliveriesUseCase {
    private final LoadDeliveryHistoryPort history;

    public DeliveryHistoryService(LoadDeliveryHistoryPort history) {
        this.history = history;
    }

    @Override
    public Uni<List<DeliveryAttemptRecord>> list(ListDeliveriesQuery query) {
        Uni<List<DeliveryAttemptRecord>> visible = query.operator() ? history.forRoom(query.roomId())
                : query.callerId() == null ? Uni.createFrom().item(List.of())
                : history.forRoomSeenBy(query.roomId(), query.callerId());
        return visible
                .flatMap(records -> records.isEmpty()
                        ? Uni.createFrom().failure(new RoomNotFoundException("No room " + query.roomId() + " is known to you here."))
                        : Uni.createFrom().item(records));
    }
}
