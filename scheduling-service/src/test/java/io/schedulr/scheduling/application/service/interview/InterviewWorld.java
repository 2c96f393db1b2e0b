package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.InterviewFlowUseCase.GuestInput;
import io.schedulr.scheduling.domain.UserProfile;
import io.schedulr.scheduling.domain.interview.Actor;
import io.schedulr.scheduling.domain.interview.Contact;
import io.schedulr.scheduling.domain.interview.Startup;
import io.schedulr.scheduling.domain.interview.TeamMember;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the interview use cases' unit tests share: in-memory ports, a fixed clock, Ada (primary interviewer) and Ben on the
 * team, the startup Acme with its contact Grace, and the flow, sending and lifecycle services over them. A new one per test.
 */
final class InterviewWorld {
    static final Instant NOW = Instant.parse("2030-03-01T08:00:00Z");
    static final Instant START = Instant.parse("2030-03-10T09:00:00Z");

    final InMemoryTeam team = new InMemoryTeam();
    final InMemoryInterviews store = new InMemoryInterviews();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final Actor ada = new Actor(new UserProfile("ada", "ada@fund.test", "Ada", "Europe/Berlin"), false);
    final Actor ben = new Actor(new UserProfile("ben", "ben@fund.test", "Ben", "UTC"), false);
    final Interviews interviews = new Interviews(store, team, team.startups(), team.contactStore(), team, store);
    final InterviewFlowService flow = new InterviewFlowService(team, interviews, store, notes -> notes,
            new ContactRegistration(team.startups(), team.contactStore(), team), Optional.empty(), clock);
    final SendInterviewService sending = new SendInterviewService(team, interviews, store, clock);
    final ApplyCalcomBookingService lifecycle = new ApplyCalcomBookingService(team, interviews, clock);
    final TeamMember adaMember = team.add(TeamMember.create("Ada", "ada@fund.test", "Partner", 101L)).await().indefinitely();
    final TeamMember benMember = team.add(TeamMember.create("Ben", "ben@fund.test", "Associate", null)).await().indefinitely();
    final Startup acme = team.startups().add(Startup.create("Acme", null)).await().indefinitely();
    final Contact grace = team.contactStore().add(Contact.create(acme.id(), "Grace", "grace@acme.test", "CEO")).await().indefinitely();

    /** A draft with steps 1–5 done by Ada: Grace of Acme, Ada and Ben, type 1001 at {@link #START}, Olive as guest. */
    UUID ready() {
        UUID id = flow.start(ada, acme.id()).await().indefinitely().interview().id();
        flow.chooseStartup(ada, id, acme.id(), grace.id(), null).await().indefinitely();
        flow.chooseTeam(ada, id, adaMember.id(), List.of(benMember.id())).await().indefinitely();
        flow.chooseBooking(ada, id, 1001L, null, START).await().indefinitely();
        flow.chooseGuests(ada, id, List.of(new GuestInput("Olive", "olive@vc.test", null, "VC", null))).await().indefinitely();
        flow.chooseDetails(ada, id, "notes", List.of("Why now?"), "Europe/Berlin").await().indefinitely();
        return id;
    }
}
