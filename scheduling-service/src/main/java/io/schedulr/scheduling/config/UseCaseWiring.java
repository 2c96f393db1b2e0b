package io.schedulr.scheduling.config;

import io.schedulr.scheduling.adapter.out.video.DailyVideoRoomProvider;
import io.schedulr.scheduling.adapter.out.video.KeylessVideoRoomProvider;
import io.schedulr.scheduling.application.port.in.CreateRoomUseCase;
import io.schedulr.scheduling.application.port.in.DeleteRoomUseCase;
import io.schedulr.scheduling.application.port.in.RoomQueriesUseCase;
import io.schedulr.scheduling.application.port.in.SlotUseCases;
import io.schedulr.scheduling.application.port.in.UpdateRoomUseCase;
import io.schedulr.scheduling.application.port.out.AppendOutboxPort;
import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.LoadRoomPort;
import io.schedulr.scheduling.application.port.out.SaveRoomPort;
import io.schedulr.scheduling.application.port.out.SlotStorePort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.application.port.out.VideoRoomProvider;
import io.schedulr.scheduling.application.service.CreateRoomService;
import io.schedulr.scheduling.application.service.DeleteRoomService;
import io.schedulr.scheduling.application.service.BookSlotService;
import io.schedulr.scheduling.application.service.CancelSlotService;
import io.schedulr.scheduling.application.service.PublishSlotsService;
import io.schedulr.scheduling.application.service.RoomQueriesService;
import io.schedulr.scheduling.application.service.SlotQueriesService;
import io.schedulr.scheduling.application.service.SlotRules;
import io.schedulr.scheduling.application.service.UpdateRoomService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Clock;

/** Wires the framework-free use cases to their adapters. */
@ApplicationScoped
public class UseCaseWiring {
    private static final Logger LOG = Logger.getLogger(UseCaseWiring.class);

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    VideoRoomProvider videoRoomProvider(SchedulingConfig config, Instance<DailyVideoRoomProvider> daily) {
        if (config.video().dailyApiKey().filter(k -> !k.isBlank()).isPresent()) {
            LOG.info("video rooms: Daily");
            return daily.get();
        }
        LOG.infof("video rooms: keyless links under %s (set SCHEDULING_VIDEO_DAILY_API_KEY for Daily)", config.video().keylessBaseUrl());
        return new KeylessVideoRoomProvider(config.video().keylessBaseUrl());
    }

    @Produces
    @ApplicationScoped
    CreateRoomUseCase createRoom(UnitOfWork tx, UserDirectoryPort users, SaveRoomPort rooms, AppendOutboxPort outbox,
                                 AuditTrailPort audit, VideoRoomProvider video, Clock clock) {
        return new CreateRoomService(tx, users, rooms, outbox, audit, video, clock);
    }

    @Produces
    @ApplicationScoped
    UpdateRoomUseCase updateRoom(UnitOfWork tx, UserDirectoryPort users, LoadRoomPort load, SaveRoomPort save,
                                 AppendOutboxPort outbox, AuditTrailPort audit, Clock clock) {
        return new UpdateRoomService(tx, users, load, save, outbox, audit, clock);
    }

    @Produces
    @ApplicationScoped
    DeleteRoomUseCase deleteRoom(UnitOfWork tx, UserDirectoryPort users, LoadRoomPort load, SaveRoomPort save, SlotStorePort slots,
                                 AppendOutboxPort outbox, AuditTrailPort audit, Clock clock) {
        return new DeleteRoomService(tx, users, load, save, slots, outbox, audit, clock);
    }

    @Produces
    @ApplicationScoped
    SlotUseCases.PublishSlots publishSlots(UnitOfWork tx, UserDirectoryPort users, SlotStorePort slots, AuditTrailPort audit,
                                           SchedulingConfig config, Clock clock) {
        SchedulingConfig.Slots s = config.slots();
        return new PublishSlotsService(tx, users, slots, audit, new SlotRules(s.minLength(), s.maxLength(), s.maxPerRequest()), clock);
    }

    @Produces
    @ApplicationScoped
    SlotUseCases.BookSlot bookSlot(UnitOfWork tx, UserDirectoryPort users, SlotStorePort slots, SaveRoomPort rooms,
                                   VideoRoomProvider video, AppendOutboxPort outbox, AuditTrailPort audit, Clock clock) {
        return new BookSlotService(tx, users, slots, rooms, video, outbox, audit, clock);
    }

    @Produces
    @ApplicationScoped
    SlotUseCases.CancelSlot cancelSlot(UnitOfWork tx, UserDirectoryPort users, SlotStorePort slots, LoadRoomPort load,
                                       SaveRoomPort save, AppendOutboxPort outbox, AuditTrailPort audit, Clock clock) {
        return new CancelSlotService(tx, users, slots, load, save, outbox, audit, clock);
    }

    @Produces
    @ApplicationScoped
    SlotUseCases.QuerySlots querySlots(UnitOfWork tx, UserDirectoryPort users, SlotStorePort slots, Clock clock) {
        return new SlotQueriesService(tx, users, slots, clock);
    }

    @Produces
    @ApplicationScoped
    RoomQueriesUseCase roomQueries(UnitOfWork tx, UserDirectoryPort users, LoadRoomPort load, Clock clock) {
        return new RoomQueriesService(tx, users, load, clock);
    }
}
