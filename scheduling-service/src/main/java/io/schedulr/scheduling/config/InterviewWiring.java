package io.schedulr.scheduling.config;

import io.schedulr.scheduling.application.port.in.interview.ApplyCalcomBookingUseCase;
import io.schedulr.scheduling.application.port.in.interview.ChangeInterviewBookingUseCase;
import io.schedulr.scheduling.application.port.in.interview.ChangeInterviewGuestsUseCase;
import io.schedulr.scheduling.application.port.in.interview.InterviewFlowUseCase;
import io.schedulr.scheduling.application.port.in.interview.InvitationMailsUseCase;
import io.schedulr.scheduling.application.port.out.interview.InvitationMailsPort;
import io.schedulr.scheduling.application.service.interview.InvitationMailsService;
import io.schedulr.scheduling.application.port.in.interview.InterviewOptionsUseCase;
import io.schedulr.scheduling.application.port.in.interview.SendInterviewUseCase;
import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort;
import io.schedulr.scheduling.application.port.out.interview.ContactStore;
import io.schedulr.scheduling.application.port.out.interview.InterviewAnnouncements;
import io.schedulr.scheduling.application.port.out.interview.InterviewStore;
import io.schedulr.scheduling.application.port.out.interview.NotesSanitizer;
import io.schedulr.scheduling.application.port.out.interview.StartupStore;
import io.schedulr.scheduling.application.port.out.interview.TeamMemberStore;
import io.schedulr.scheduling.application.service.interview.ApplyCalcomBookingService;
import io.schedulr.scheduling.application.service.interview.ChangeInterviewBookingService;
import io.schedulr.scheduling.application.service.interview.ChangeInterviewGuestsService;
import io.schedulr.scheduling.application.service.interview.ContactRegistration;
import io.schedulr.scheduling.application.service.interview.InterviewFlowService;
import io.schedulr.scheduling.application.service.interview.InterviewOptionsService;
import io.schedulr.scheduling.application.service.interview.Interviews;
import io.schedulr.scheduling.application.service.interview.SendInterviewService;
import jakarta.enterprise.context.ApplicationScoped;
import io.schedulr.scheduling.application.service.ConflictCheck;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.Optional;

/** Wires the interview use cases to their adapters. */
@ApplicationScoped
public class InterviewWiring {
    /** The Cal.com event type booked for a custom duration chosen without one (SCHEDULR_INTERVIEWS_CUSTOM_DURATION_EVENT_TYPE). */
    @ConfigProperty(name = "schedulr.interviews.custom-duration-event-type")
    Optional<Long> customDurationEventType;

    @Produces
    @Singleton
    Interviews interviews(InterviewStore store, TeamMemberStore members, StartupStore startups, ContactStore contacts, AuditTrailPort audit,
                          InterviewAnnouncements announcements) {
        return new Interviews(store, members, startups, contacts, audit, announcements);
    }

    @Produces
    @ApplicationScoped
    InterviewFlowUseCase interviewFlow(UnitOfWork tx, Interviews interviews, CalcomGatewayPort calcom, NotesSanitizer sanitizer,
                                       ContactRegistration contacts, Clock clock) {
        return new InterviewFlowService(tx, interviews, calcom, sanitizer, contacts, customDurationEventType, clock);
    }

    @Produces
    @ApplicationScoped
    InterviewOptionsUseCase interviewOptions(UnitOfWork tx, Interviews interviews, CalcomGatewayPort calcom, ConflictCheck conflicts) {
        return new InterviewOptionsService(tx, interviews, calcom, conflicts);
    }

    @Produces
    @ApplicationScoped
    SendInterviewUseCase sendInterview(UnitOfWork tx, Interviews interviews, CalcomGatewayPort calcom, ConflictCheck conflicts, Clock clock) {
        return new SendInterviewService(tx, interviews, calcom, conflicts, clock);
    }

    @Produces
    @ApplicationScoped
    ChangeInterviewBookingUseCase changeInterviewBooking(UnitOfWork tx, Interviews interviews, CalcomGatewayPort calcom,
                                                         ConflictCheck conflicts, Clock clock) {
        return new ChangeInterviewBookingService(tx, interviews, calcom, conflicts, clock);
    }

    @Produces
    @ApplicationScoped
    ChangeInterviewGuestsUseCase changeInterviewGuests(UnitOfWork tx, Interviews interviews, Clock clock) {
        return new ChangeInterviewGuestsService(tx, interviews, clock);
    }

    @Produces
    @ApplicationScoped
    InvitationMailsUseCase invitationMails(UnitOfWork tx, Interviews interviews, InvitationMailsPort mails) {
        return new InvitationMailsService(tx, interviews, mails);
    }

    @Produces
    @ApplicationScoped
    ApplyCalcomBookingUseCase applyCalcomBooking(UnitOfWork tx, Interviews interviews, Clock clock) {
        return new ApplyCalcomBookingService(tx, interviews, clock);
    }
}
