package io.schedulr.scheduling.config;

import io.schedulr.scheduling.adapter.out.persistence.interview.PanacheContactStore;
import io.schedulr.scheduling.adapter.out.persistence.interview.PanacheStartupStore;
import io.schedulr.scheduling.adapter.out.persistence.interview.PanacheTeamMemberStore;
import io.schedulr.scheduling.application.port.in.interview.AddContactUseCase;
import io.schedulr.scheduling.application.port.in.interview.AddStartupUseCase;
import io.schedulr.scheduling.application.port.in.interview.AddTeamMemberUseCase;
import io.schedulr.scheduling.application.port.in.interview.CalcomUsersUseCase;
import io.schedulr.scheduling.application.port.in.interview.EditContactUseCase;
import io.schedulr.scheduling.application.port.in.interview.EditStartupUseCase;
import io.schedulr.scheduling.application.port.in.interview.EditTeamMemberUseCase;
import io.schedulr.scheduling.application.port.in.interview.RemoveContactUseCase;
import io.schedulr.scheduling.application.port.in.interview.RemoveStartupUseCase;
import io.schedulr.scheduling.application.port.in.interview.StartupQueriesUseCase;
import io.schedulr.scheduling.application.port.in.interview.TeamMemberQueriesUseCase;
import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort;
import io.schedulr.scheduling.application.port.out.interview.InterviewStore;
import io.schedulr.scheduling.application.service.interview.AddContactService;
import io.schedulr.scheduling.application.service.interview.AddressCorrections;
import io.schedulr.scheduling.application.service.interview.AddStartupService;
import io.schedulr.scheduling.application.service.interview.AddTeamMemberService;
import io.schedulr.scheduling.application.service.interview.CalcomUsersService;
import io.schedulr.scheduling.application.service.interview.ContactRegistration;
import io.schedulr.scheduling.application.service.interview.EditContactService;
import io.schedulr.scheduling.application.service.interview.EditStartupService;
import io.schedulr.scheduling.application.service.interview.EditTeamMemberService;
import io.schedulr.scheduling.application.service.interview.Interviews;
import io.schedulr.scheduling.application.service.interview.RemoveContactService;
import io.schedulr.scheduling.application.service.interview.RemoveStartupService;
import io.schedulr.scheduling.application.service.interview.StartupQueriesService;
import io.schedulr.scheduling.application.service.interview.TeamMemberQueriesService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Wires the team, startup and contact use cases of interviews (issue #15) to their adapters. The Panache stores are
 * CDI beans of their own: other wiring injects them by their port types ({@code TeamMemberStore}, {@code StartupStore},
 * {@code ContactStore}).
 */
@ApplicationScoped
public class TeamWiring {

    @Produces
    @ApplicationScoped
    TeamMemberQueriesUseCase teamMemberQueries(UnitOfWork tx, UserDirectoryPort users, PanacheTeamMemberStore members) {
        return new TeamMemberQueriesService(tx, users, members);
    }

    @Produces
    @ApplicationScoped
    CalcomUsersUseCase calcomUsers(UnitOfWork tx, PanacheTeamMemberStore members, CalcomGatewayPort calcom) {
        return new CalcomUsersService(tx, members, calcom);
    }

    @Produces
    @ApplicationScoped
    AddTeamMemberUseCase addTeamMember(UnitOfWork tx, UserDirectoryPort users, PanacheTeamMemberStore members, AuditTrailPort audit) {
        return new AddTeamMemberService(tx, users, members, audit);
    }

    @Produces
    @ApplicationScoped
    EditTeamMemberUseCase editTeamMember(UnitOfWork tx, UserDirectoryPort users, PanacheTeamMemberStore members, AuditTrailPort audit,
                                         AddressCorrections corrections, Clock clock) {
        return new EditTeamMemberService(tx, users, members, audit, corrections, clock);
    }

    @Produces
    @ApplicationScoped
    AddStartupUseCase addStartup(UnitOfWork tx, UserDirectoryPort users, PanacheStartupStore startups, AuditTrailPort audit) {
        return new AddStartupService(tx, users, startups, audit);
    }

    @Produces
    @ApplicationScoped
    EditStartupUseCase editStartup(UnitOfWork tx, UserDirectoryPort users, PanacheStartupStore startups, PanacheContactStore contacts,
                                   AuditTrailPort audit) {
        return new EditStartupService(tx, users, startups, contacts, audit);
    }

    @Produces
    @ApplicationScoped
    EditContactUseCase editContact(UnitOfWork tx, UserDirectoryPort users, PanacheContactStore contacts, AuditTrailPort audit,
                                   AddressCorrections corrections, Clock clock) {
        return new EditContactService(tx, users, contacts, audit, corrections, clock);
    }

    @Produces
    @ApplicationScoped
    RemoveStartupUseCase removeStartup(UnitOfWork tx, UserDirectoryPort users, PanacheStartupStore startups, PanacheContactStore contacts,
                                       InterviewStore interviews, AuditTrailPort audit) {
        return new RemoveStartupService(tx, users, startups, contacts, interviews, audit);
    }

    @Produces
    @ApplicationScoped
    RemoveContactUseCase removeContact(UnitOfWork tx, UserDirectoryPort users, PanacheContactStore contacts, InterviewStore interviews,
                                       AuditTrailPort audit) {
        return new RemoveContactService(tx, users, contacts, interviews, audit);
    }

    /** A contact's or member's corrected address told to the interviews that name them. */
    @Produces
    @Singleton
    AddressCorrections addressCorrections(Interviews interviews) {
        return new AddressCorrections(interviews);
    }

    /** Also for the interview flow's step 1, which adds a contact typed in there in its own transaction. */
    @Produces
    @Singleton
    ContactRegistration contactRegistration(PanacheStartupStore startups, PanacheContactStore contacts, AuditTrailPort audit) {
        return new ContactRegistration(startups, contacts, audit);
    }

    @Produces
    @ApplicationScoped
    AddContactUseCase addContact(UnitOfWork tx, UserDirectoryPort users, ContactRegistration registration) {
        return new AddContactService(tx, users, registration);
    }

    @Produces
    @ApplicationScoped
    StartupQueriesUseCase startupQueries(UnitOfWork tx, UserDirectoryPort users, PanacheStartupStore startups, PanacheContactStore contacts) {
        return new StartupQueriesService(tx, users, startups, contacts);
    }
}
