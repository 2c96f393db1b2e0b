package io.schedulr.scheduling.config;

import io.schedulr.scheduling.adapter.out.video.DailyVideoRoomProvider;
import io.schedulr.scheduling.adapter.out.video.KeylessVideoRoomProvider;
import io.schedulr.scheduling.application.port.in.ApplyCalendarChangeUseCase;
import io.schedulr.scheduling.application.port.in.BookRoomUseCase;
import io.schedulr.scheduling.application.port.in.BookSlotUseCase;
import io.schedulr.scheduling.application.port.in.CancelSlotUseCase;
import io.schedulr.scheduling.application.port.in.CreateRoomUseCase;
import io.schedulr.scheduling.application.port.in.DeleteRoomUseCase;
import io.schedulr.scheduling.application.port.in.EditRoomUseCase;
import io.schedulr.scheduling.application.port.in.PublishSlotsUseCase;
import io.schedulr.scheduling.application.port.in.QuerySlotsUseCase;
import io.schedulr.scheduling.application.port.in.RecordCalendarConnectionUseCase;
import io.schedulr.scheduling.application.port.in.ReleaseBookingUseCase;
import io.schedulr.scheduling.application.port.in.RoomQueriesUseCase;
import io.schedulr.scheduling.application.port.out.AppendOutboxPort;
import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.application.port.out.VideoRoomProvider;
import io.schedulr.scheduling.adapter.out.persistence.SqlCalendarConnectionStore;
import io.schedulr.scheduling.adapter.out.persistence.PanacheRoomRepository;
import io.schedulr.scheduling.adapter.out.persistence.PanacheSlotRepository;
import io.schedulr.scheduling.application.service.ApplyCalendarChangeService;
import io.schedulr.scheduling.application.service.BookRoomService;
import io.schedulr.scheduling.application.service.BookSlotService;
import io.schedulr.scheduling.application.service.CalendarGate;
import io.schedulr.scheduling.adapter.out.calendarsync.CalendarSyncConnectionCheck;
import io.schedulr.scheduling.application.service.CancelSlotService;
import io.schedulr.scheduling.application.service.CreateRoomService;
import io.schedulr.scheduling.application.service.DeleteRoomService;
import io.schedulr.scheduling.application.service.EditRoomService;
import io.schedulr.scheduling.application.service.PublishSlotsService;
import io.schedulr.scheduling.application.service.RecordCalendarConnectionService;
import io.schedulr.scheduling.application.service.ReleaseBookingService;
import io.schedulr.scheduling.application.service.RoomChangeFlow;
import io.schedulr.scheduling.application.service.RoomChangeRecorder;
import io.schedulr.scheduling.application.service.RoomDeletion;
import io.schedulr.scheduling.application.service.SlotOfRoom;
import io.schedulr.scheduling.application.service.RoomFeedService;
import io.schedulr.scheduling.application.service.RoomQueriesService;
import io.schedulr.scheduling.application.service.SlotQueriesService;
import io.schedulr.scheduling.domain.SlotRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import io.schedulr.scheduling.adapter.out.messaging.PreferencesOutboxAppender;
import io.schedulr.scheduling.adapter.out.persistence.SqlPreferencesStore;
import io.schedulr.scheduling.application.port.in.PreferencesUseCase;
import io.schedulr.scheduling.application.service.ChooseTimeZoneService;
import io.schedulr.scheduling.application.port.out.ChooseTimeZonePort;
import io.schedulr.scheduling.application.port.out.ChosenTimeZonePort;
import io.schedulr.scheduling.application.service.PreferencesService;
import io.schedulr.scheduling.adapter.out.calendarsync.CalendarSyncBusyTimes;
import io.schedulr.scheduling.adapter.out.persistence.SqlBookedTimes;
import io.schedulr.scheduling.application.service.ConflictCheck;
import io.schedulr.scheduling.application.service.CalendarFitService;
import io.schedulr.scheduling.application.port.in.CalendarFitUseCase;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;

/** Wires the framework-free use cases to their adapters. */
@ApplicationScoped
public class UseCaseWiring {
    private static final Logger LOG = Logger.getLogger(UseCaseWiring.class);

    /** Microsecond ticks: what PostgreSQL stores, so a value read back equals the one written. */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
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
    @Singleton
    CalendarGate calendarGate(CalendarGateConfig config, SqlCalendarConnectionStore connections, CalendarSyncConnectionCheck owner) {
        if (!config.required()) {
            LOG.info("calendar gate: off (schedulr.calendar.required=false), core writes do not need a connected Google Calendar");
            return CalendarGate.off();
        }
        LOG.infof("calendar gate: on, core writes need a connected Google Calendar (connect at %s)", config.connectUrl());
        return new CalendarGate(true, connections, owner);
    }

    @Produces
    @ApplicationScoped
    RecordCalendarConnectionUseCase recordCalendarConnection(UnitOfWork tx, SqlCalendarConnectionStore connections) {
        return new RecordCalendarConnectionService(tx, connections);
    }

    /** One service for both: the bean's types are the class and its two use cases, setting and reading the zone. */
    @Produces
    @ApplicationScoped
    ChooseTimeZoneService timeZones(UnitOfWork tx, UserDirectoryPort users, ChooseTimeZonePort zones, SqlPreferencesStore preferences,
                                    PreferencesOutboxAppender announcements) {
        return new ChooseTimeZoneService(tx, users, zones, preferences, announcements);
    }

    @Produces
    @ApplicationScoped
    PreferencesUseCase preferences(UnitOfWork tx, SqlPreferencesStore store, PreferencesOutboxAppender announcements,
                                   ChosenTimeZonePort zones) {
        return new PreferencesService(tx, store, announcements, zones);
    }

    @Produces
    @Singleton
    RoomChangeRecorder roomChangeRecorder(UserDirectoryPort users, AppendOutboxPort outbox, AuditTrailPort audit) {
        return new RoomChangeRecorder(users, outbox, audit);
    }

    @Produces
    @Singleton
    SlotOfRoom slotOfRoom(PanacheSlotRepository slots, AuditTrailPort audit) {
        return new SlotOfRoom(slots, slots, audit);
    }

    @Produces
    @Singleton
    RoomDeletion roomDeletion(RoomChangeRecorder changes, PanacheRoomRepository rooms, SlotOfRoom slots) {
        return new RoomDeletion(changes, rooms, slots);
    }

    @Produces
    @ApplicationScoped
    CreateRoomUseCase createRoom(UnitOfWork tx, UserDirectoryPort users, PanacheRoomRepository rooms, VideoRoomProvider video,
                                 RoomChangeRecorder changes, CalendarGate gate, SchedulingConfig config, Clock clock) {
        return new CreateRoomService(tx, users, rooms, video, changes, gate, config.room().duration(), clock);
    }

    @Produces
    @Singleton
    RoomChangeFlow roomChangeFlow(UnitOfWork tx, UserDirectoryPort users, PanacheRoomRepository rooms, SlotOfRoom slots,
                                  RoomChangeRecorder changes, CalendarGate gate, ConflictCheck conflicts, Clock clock) {
        return new RoomChangeFlow(tx, users, rooms, rooms, slots, changes, gate, conflicts, clock);
    }

    @Produces
    @ApplicationScoped
    CalendarFitUseCase calendarFit(UnitOfWork tx, ConflictCheck conflicts) {
        return new CalendarFitService(tx, conflicts);
    }

    @Produces
    @Singleton
    ConflictCheck conflictCheck(SqlBookedTimes rooms, CalendarSyncBusyTimes calendars, SqlCalendarConnectionStore connections,
                                UserDirectoryPort users, AuditTrailPort audit, CalendarGateConfig gate) {
        return new ConflictCheck(rooms, calendars, connections, users, audit, gate.required());
    }

    @Produces
    @ApplicationScoped
    BookRoomUseCase bookRoom(RoomChangeFlow flow) {
        return new BookRoomService(flow);
    }

    @Produces
    @ApplicationScoped
    EditRoomUseCase editRoom(RoomChangeFlow flow) {
        return new EditRoomService(flow);
    }

    /** The guest leaves their booking; not behind the calendar gate (see {@link RoomChangeFlow}). */
    @Produces
    @ApplicationScoped
    ReleaseBookingUseCase releaseBooking(RoomChangeFlow flow) {
        return new ReleaseBookingService(flow);
    }

    @Produces
    @ApplicationScoped
    DeleteRoomUseCase deleteRoom(UnitOfWork tx, UserDirectoryPort users, PanacheRoomRepository rooms, RoomDeletion deletion, Clock clock) {
        return new DeleteRoomService(tx, users, rooms, deletion, clock);
    }

    /**
     * Changes made in Google Calendar: the same flows, with a gate that answers from the stored state (no caller's token)
     * and no clash check (they are done in Google already; ApplyCalendarChangeService runs them as such).
     */
    @Produces
    @ApplicationScoped
    ApplyCalendarChangeUseCase applyCalendarChange(UnitOfWork tx, UserDirectoryPort users, PanacheRoomRepository rooms, SlotOfRoom slots,
                                                   RoomChangeRecorder changes, RoomDeletion deletion, CalendarGate gate, Clock clock) {
        RoomChangeFlow flow = new RoomChangeFlow(tx, users, rooms, rooms, slots, changes, gate.storedStateOnly(), clock);
        return new ApplyCalendarChangeService(tx, users, rooms, flow, deletion, clock);
    }

    @Produces
    @ApplicationScoped
    RoomQueriesUseCase roomQueries(UnitOfWork tx, UserDirectoryPort users, PanacheRoomRepository rooms, Clock clock) {
        return new RoomQueriesService(tx, users, rooms, rooms, clock);
    }

    @Produces
    @ApplicationScoped
    PublishSlotsUseCase publishSlots(UnitOfWork tx, UserDirectoryPort users, PanacheSlotRepository slots, AuditTrailPort audit,
                                     CalendarGate gate, SchedulingConfig config, ConflictCheck conflicts, Clock clock) {
        SchedulingConfig.Slots s = config.slots();
        return new PublishSlotsService(tx, users, slots, audit, new SlotRules(s.minLength(), s.maxLength(), s.maxPerRequest()), gate, conflicts,
                clock);
    }

    @Produces
    @ApplicationScoped
    BookSlotUseCase bookSlot(UnitOfWork tx, UserDirectoryPort users, PanacheSlotRepository slots, PanacheRoomRepository rooms,
                             VideoRoomProvider video, AuditTrailPort audit, RoomChangeRecorder changes, CalendarGate gate,
                             ConflictCheck conflicts, Clock clock) {
        return new BookSlotService(tx, users, slots, slots, rooms, video, audit, changes, gate, conflicts, clock);
    }

    @Produces
    @ApplicationScoped
    CancelSlotUseCase cancelSlot(UnitOfWork tx, UserDirectoryPort users, PanacheSlotRepository slots, PanacheRoomRepository rooms,
                                 RoomDeletion deletion, AuditTrailPort audit, Clock clock) {
        return new CancelSlotService(tx, users, slots, slots, rooms, deletion, audit, clock);
    }

    @Produces
    @ApplicationScoped
    QuerySlotsUseCase querySlots(UnitOfWork tx, UserDirectoryPort users, PanacheSlotRepository slots, Clock clock) {
        return new SlotQueriesService(tx, users, slots, clock);
    }

    /** Both {@code WatchRoomsUseCase} and {@code ShareRoomChangeUseCase}: one feed per replica. */
    @Produces
    @Singleton
    RoomFeedService roomFeed(SchedulingConfig config) {
        return new RoomFeedService(config.stream().replayWindow(), config.stream().bufferPerWatcher());
    }
}
