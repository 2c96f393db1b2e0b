package io.schedulr.notification.application.service;

import io.schedulr.notification.application.port.in.ListDeliveriesUseCase;
import io.schedulr.notification.application.port.out.LoadDeliveryHistoryPort;
import io.schedulr.notification.domain.DeliveryAttemptRecord;
import io.smallrye.mutiny.Uni;

import java.util.List;

public class DeliveryHistoryService implements ListDeliveriesUseCase {
    private final LoadDeliveryHistoryPort history;

    public DeliveryHistoryService(LoadDeliveryHistoryPort history) {
        this.history = history;
    }

    @Override
    public Uni<List<DeliveryAttemptRecord>> list(ListDeliveriesQuery query) {
        if (query.operator()) {
            return history.forRoom(query.roomId());
        }
        if (query.callerId() == null) {
            return Uni.createFrom().failure(new NotAllowedException("Only operators and the room's host may read its deliveries."));
        }
        return history.isOrganizer(query.roomId(), query.callerId()).flatMap(host -> {
            if (!host) {
                return Uni.createFrom().failure(new NotAllowedException("Only operators and the room's host may read its deliveries."));
            }
            return history.forRoom(query.roomId());
        });
    }
}
