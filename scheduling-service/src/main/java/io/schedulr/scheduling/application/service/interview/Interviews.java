package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.InterviewDetails;
import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.interview.ContactStore;
import io.schedulr.scheduling.application.port.out.interview.InterviewAnnouncements;
import io.schedulr.scheduling.application.port.out.interview.InterviewStore;
import io.schedulr.scheduling.application.port.out.interview.StartupStore;
import io.schedulr.scheduling.application.port.out.interview.TeamMemberStore;
import io.schedulr.scheduling.domain.ForbiddenActionException;
import io.schedulr.scheduling.domain.NotFoundException;
import io.schedulr.scheduling.domain.interview.Actor;
import io.schedulr.scheduling.domain.interview.Contact;
import io.schedulr.scheduling.domain.interview.Guest;
import io.schedulr.scheduling.domain.interview.Interview;
import io.schedulr.scheduling.domain.interview.InterviewAnnouncement;
import io.schedulr.scheduling.domain.interview.InterviewAnnouncement.Kind;
import io.schedulr.scheduling.domain.interview.InterviewAnnouncement.Participant;
import io.schedulr.scheduling.domain.interview.InterviewChange;
import io.schedulr.scheduling.domain.interview.Startup;
import io.schedulr.scheduling.domain.interview.TeamMember;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What every interview use case shares: who may see and change an interview, its details as shown, and the tail of every
 * write (the audit row, and the announcement when people are told).
 */
public class Interviews {
    private final InterviewStore store;
    private final TeamMemberStore members;
    private final StartupStore startups;
    private final ContactStore contacts;
    private final AuditTrailPort audit;
    private final InterviewAnnouncements announcements;

    public Interviews(InterviewStore store, TeamMemberStore members, StartupStore startups, ContactStore contacts, AuditTrailPort audit,
                      InterviewAnnouncements announcements) {
        this.store = store;
        this.members = members;
        this.startups = startups;
        this.contacts = contacts;
        this.audit = audit;
        this.announcements = announcements;
    }

    InterviewStore store() {
        return store;
    }

    TeamMemberStore members() {
        return members;
    }

    StartupStore startups() {
        return startups;
    }

    ContactStore contacts() {
        return contacts;
    }

    /** The caller's team member id, when their sign-in address is a team member's. */
    Uni<UUID> memberIdOf(Actor actor) {
        return members.findByEmail(actor.person().email()).map(m -> m.map(TeamMember::id).orElse(null));
    }

    /** The interview if the actor may see it; otherwise it does not exist for them. */
    Uni<Interview> visible(Actor actor, UUID id) {
        return store.find(id).chain(found -> {
            Interview interview = found.orElseThrow(() -> notFound(id));
            if (actor.admin() || interview.involves(actor.id(), null)) {
                return Uni.createFrom().item(interview);
            }
            return memberIdOf(actor).map(memberId -> {
                if (!interview.involves(actor.id(), memberId)) {
                    throw notFound(id);
                }
                return interview;
            });
        });
    }

    /** The interview if the actor may change it: who started it, its primary interviewer, admins. */
    Uni<Interview> editable(Actor actor, UUID id) {
        return visible(actor, id).chain(interview -> {
            if (actor.admin() || interview.editableBy(actor.id(), null)) {
                return Uni.createFrom().item(interview);
            }
            return memberIdOf(actor).map(memberId -> {
                if (!interview.editableBy(actor.id(), memberId)) {
                    throw new ForbiddenActionException("not_interview_editor",
                            "Only who started this interview, its primary interviewer and admins may change it.");
                }
                return interview;
            });
        });
    }

    static NotFoundException notFound(UUID id) {
        return new NotFoundException("interview_not_found", "No interview " + id + ".");
    }

    /** Stores a change and audits it; {@code before} null for a new interview. */
    Uni<Interview> save(String actorId, String action, Interview before, Interview after) {
        Uni<Interview> written = before == null ? store.insert(after) : store.update(after);
        return written.call(saved -> audit.recordEntity(actorId, "interview." + action, "interview", saved.id().toString(), before, saved));
    }

    Uni<InterviewDetails> details(Interview interview) {
        Uni<Optional<Startup>> startup = interview.startupId() == null ? Uni.createFrom().item(Optional.empty()) : startups.find(interview.startupId());
        Uni<Optional<Contact>> contact = interview.contactId() == null ? Uni.createFrom().item(Optional.empty()) : contacts.find(interview.contactId());
        List<UUID> ids = new ArrayList<>();
        if (interview.primaryMemberId() != null) {
            ids.add(interview.primaryMemberId());
        }
        ids.addAll(interview.additionalMemberIds());
        Uni<List<TeamMember>> team = ids.isEmpty() ? Uni.createFrom().item(List.of()) : members.findByIds(ids);
        // One session: the reads run one after the other.
        return startup.chain(s -> contact.chain(c -> team.map(t -> {
            Map<UUID, TeamMember> byId = t.stream().collect(Collectors.toMap(TeamMember::id, Function.identity()));
            return new InterviewDetails(interview, s.orElse(null), c.orElse(null), byId.get(interview.primaryMemberId()),
                    interview.additionalMemberIds().stream().map(byId::get).filter(m -> m != null).toList());
        })));
    }

    /** Tells everyone in the interview about the change (nothing for {@link InterviewChange#NONE}), with its reason if any. */
    Uni<InterviewDetails> announce(Interview interview, InterviewChange change, Instant now) {
        return announce(interview, change, now, interview.cancellationReason());
    }

    /** The same, with {@code reason} as the reason people are told (e.g. the one given for a move). */
    Uni<InterviewDetails> announce(Interview interview, InterviewChange change, Instant now, String reason) {
        return details(interview).call(d -> {
            if (change == InterviewChange.NONE || d.primary() == null) {
                return Uni.createFrom().voidItem();
            }
            return announcements.announce(new InterviewAnnouncement(UUID.randomUUID(), change, now, interview,
                    d.startup() == null ? null : d.startup().name(), people(d), reason));
        });
    }

    private static List<Participant> people(InterviewDetails d) {
        List<Participant> people = new ArrayList<>();
        people.add(new Participant(d.primary().name(), d.primary().email(), d.primary().role(), null, Kind.PRIMARY_INTERVIEWER));
        for (TeamMember m : d.additional()) {
            people.add(new Participant(m.name(), m.email(), m.role(), null, Kind.TEAM_MEMBER));
        }
        String company = d.startup() == null ? null : d.startup().name();
        if (d.contact() != null && people.stream().noneMatch(p -> p.email().equalsIgnoreCase(d.contact().email()))) {
            people.add(new Participant(d.contact().name(), d.contact().email(), d.contact().role(), company, Kind.CONTACT));
        }
        for (Guest g : d.interview().guests()) {
            if (people.stream().noneMatch(p -> p.email().equalsIgnoreCase(g.email()))) {
                people.add(new Participant(g.name(), g.email(), g.role(), g.company(), Kind.GUEST));
            }
        }
        return people;
    }
}
