package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.domain.interview.Contact;
import io.schedulr.scheduling.domain.interview.EmailAddress;
import io.schedulr.scheduling.domain.interview.Guest;
import io.schedulr.scheduling.domain.interview.Interview;
import io.schedulr.scheduling.domain.interview.Startup;
import io.schedulr.scheduling.domain.interview.TeamMember;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An interview with what it refers to, as its viewers see it; any reference may be null while the draft lacks it.
 * {@code warnings}: what the caller should know although the step was done (e.g. {@code calendar_unavailable}).
 */
public record InterviewDetails(Interview interview, Startup startup, Contact contact, TeamMember primary, List<TeamMember> additional,
                               List<String> warnings) {
    public InterviewDetails {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public InterviewDetails(Interview interview, Startup startup, Contact contact, TeamMember primary, List<TeamMember> additional) {
        this(interview, startup, contact, primary, additional, List.of());
    }

    /** The team's addresses: the primary interviewer's first, then the other members'. */
    public List<String> teamAddresses() {
        List<String> team = new ArrayList<>();
        if (primary != null) {
            team.add(primary.email());
        }
        additional.forEach(member -> team.add(member.email()));
        return team;
    }

    /** Who this interview names at {@code address} (compared as addresses are: without case): its contact, a guest or a team member. */
    public Optional<NamedPerson> personAt(String address) {
        if (address == null) {
            return Optional.empty();
        }
        if (contact != null && EmailAddress.same(contact.email(), address)) {
            return Optional.of(new NamedPerson(contact.name(), NamedPerson.Role.CONTACT));
        }
        for (Guest guest : interview.guests()) {
            if (EmailAddress.same(guest.email(), address)) {
                return Optional.of(new NamedPerson(guest.name(), NamedPerson.Role.GUEST));
            }
        }
        List<TeamMember> team = new ArrayList<>();
        if (primary != null) {
            team.add(primary);
        }
        team.addAll(additional);
        return team.stream().filter(m -> EmailAddress.same(m.email(), address)).findFirst()
                .map(m -> new NamedPerson(m.name(), NamedPerson.Role.INTERVIEWER));
    }

    /** A person an interview names, and as what. */
    public record NamedPerson(String name, Role role) {
        public enum Role { CONTACT, GUEST, INTERVIEWER }
    }

    public InterviewDetails withWarnings(List<String> more) {
        return more.isEmpty() ? this : new InterviewDetails(interview, startup, contact, primary, additional, more);
    }
}
