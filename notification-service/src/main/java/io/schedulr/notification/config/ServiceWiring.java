package io.schedulr.notification.config;

import io.schedulr.notification.adapter.in.scheduling.DispatchTrigger;
import io.schedulr.notification.application.port.in.DispatchDeliveriesUseCase;
import io.schedulr.notification.application.port.in.HandleInterviewChangeUseCase;
import io.schedulr.notification.application.port.in.HandleMirrorFailureUseCase;
import io.schedulr.notification.application.port.in.HandleRoomChangeUseCase;
import io.schedulr.notification.application.port.in.ListDeliveriesUseCase;
import io.schedulr.notification.application.port.in.ListInvitationMailsUseCase;
import io.schedulr.notification.application.port.in.RecordEmailStatusUseCase;
import io.schedulr.notification.application.port.in.SendBounceAlertsUseCase;
import io.schedulr.notification.application.port.in.SendDueRemindersUseCase;
import io.schedulr.notification.application.port.in.UpdateReminderPreferencesUseCase;
import io.schedulr.notification.application.port.out.BounceAlertQueuePort;
import io.schedulr.notification.application.port.out.DeliveryQueuePort;
import io.schedulr.notification.application.port.out.LoadDeliveryHistoryPort;
import io.schedulr.notification.application.port.out.MailServerProbePort;
import io.schedulr.notification.application.port.out.RecordEmailStatusPort;
import io.schedulr.notification.application.port.out.RecordInterviewChangePort;
import io.schedulr.notification.application.port.out.RecordRoomChangePort;
import io.schedulr.notification.application.port.out.ReminderQueuePort;
import io.schedulr.notification.application.port.out.ReminderUnitOfWorkPort;
import io.schedulr.notification.application.port.out.SendBounceAlertPort;
import io.schedulr.notification.application.port.out.SendInvitePort;
import io.schedulr.notification.application.port.out.SendReminderPort;
import io.schedulr.notification.application.service.BounceAlertDispatchService;
import io.schedulr.notification.application.service.DeliveryHistoryService;
import io.schedulr.notification.application.service.DispatchService;
import io.schedulr.notification.application.service.EmailStatusService;
import io.schedulr.notification.application.service.InterviewChangeService;
import io.schedulr.notification.application.service.InvitationMailsService;
import io.schedulr.notification.application.service.ReminderDispatchService;
import io.schedulr.notification.application.service.ReminderPlanning;
import io.schedulr.notification.application.service.ReminderPreferencesService;
import io.schedulr.notification.application.service.RoomChangeService;
import io.schedulr.notification.domain.NotificationPlanner;
import io.schedulr.notification.domain.RedeliveryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** Wires the framework-free application services to their adapters. */
public class ServiceWiring {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    ReminderPlanning reminderPlanning(Clock clock) {
        return new ReminderPlanning(clock);
    }

    @Produces
    @ApplicationScoped
    HandleRoomChangeUseCase handleRoomChange(RecordRoomChangePort store, DispatchTrigger trigger, CalendarGateConfig gate,
                                             ReminderPlanning reminders) {
        return new RoomChangeService(store, new NotificationPlanner(gate.required()), trigger::kick, reminders);
    }

    @Produces
    @ApplicationScoped
    HandleMirrorFailureUseCase handleMirrorFailure(RecordRoomChangePort store, DispatchTrigger trigger, CalendarGateConfig gate,
                                                   ReminderPlanning reminders) {
        return new RoomChangeService(store, new NotificationPlanner(gate.required()), trigger::kick, reminders);
    }

    @Produces
    @ApplicationScoped
    HandleInterviewChangeUseCase handleInterviewChange(RecordInterviewChangePort store, DispatchTrigger trigger, ReminderPlanning reminders) {
        return new InterviewChangeService(store, trigger::kick, reminders);
    }

    @Produces
    @ApplicationScoped
    UpdateReminderPreferencesUseCase updateReminderPreferences(ReminderUnitOfWorkPort unitOfWork, ReminderPlanning reminders) {
        return new ReminderPreferencesService(unitOfWork, reminders);
    }

    @Produces
    @ApplicationScoped
    SendDueRemindersUseCase sendDueReminders(ReminderQueuePort queue, SendReminderPort sender, NotificationConfig config, Clock clock) {
        NotificationConfig.Reminders r = config.reminders();
        return new ReminderDispatchService(queue, sender, clock, new RedeliveryPolicy(r.retryInitial(), r.retryMax()), r.batchSize(), r.lease());
    }

    @Produces
    @ApplicationScoped
    SendBounceAlertsUseCase sendBounceAlerts(BounceAlertQueuePort queue, SendBounceAlertPort sender, NotificationConfig config, Clock clock) {
        NotificationConfig.BounceAlerts b = config.bounceAlerts();
        return new BounceAlertDispatchService(queue, sender, clock, new RedeliveryPolicy(b.retryInitial(), b.retryMax()), b.maxAttempts(),
                b.batchSize(), b.lease());
    }

    @Produces
    @ApplicationScoped
    DispatchDeliveriesUseCase dispatchDeliveries(DeliveryQueuePort queue, SendInvitePort sender, MailServerProbePort mailServer,
                                                 NotificationConfig config, Clock clock) {
        NotificationConfig.Dispatch d = config.dispatch();
        return new DispatchService(queue, sender, mailServer, new RedeliveryPolicy(d.redeliveryInitial(), d.redeliveryMax()), clock, d.batchSize(),
                d.lease(), d.concurrency());
    }

    @Produces
    @ApplicationScoped
    ListDeliveriesUseCase listDeliveries(LoadDeliveryHistoryPort history) {
        return new DeliveryHistoryService(history);
    }

    @Produces
    @ApplicationScoped
    ListInvitationMailsUseCase listInvitationMails(LoadDeliveryHistoryPort history) {
        return new InvitationMailsService(history);
    }


    @Produces
    @ApplicationScoped
    RecordEmailStatusUseCase recordEmailStatus(RecordEmailStatusPort notices) {
        return new EmailStatusService(notices);
    }
}
