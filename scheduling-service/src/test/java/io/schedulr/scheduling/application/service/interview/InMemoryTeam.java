package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.application.port.out.interview.ContactStore;
import io.schedulr.scheduling.application.port.out.interview.StartupStore;
import io.schedulr.scheduling.application.port.out.interview.TeamMemberStore;
import io.schedulr.scheduling.domain.ConflictException;
import io.schedulr.scheduling.domain.NotFoundException;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.UserProfile;
import io.schedulr.scheduling.domain.interview.Contact;
import io.schedulr.scheduling.domain.interview.EmailAddress;
import io.schedulr.scheduling.domain.interview.Startup;
import io.schedulr.scheduling.domain.interview.TeamMember;
import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Team members, startups and contacts in memory, with the promises of the PostgreSQL adapters: the unique indexes
 * (email, Cal.com user, startup name, a startup's contact email, all without regard to case) refuse with the same
 * {@link ConflictException} codes, and a transaction commits all or nothing (audit rows included). It is the
 * {@link TeamMemberStore} itself; {@link #startups()} and {@link #contactStore()} are its other two stores (their
 * {@code find(UUID)} would clash in one class).
 */
public final class InMemoryTeam implements UnitOfWork, UserDirectoryPort, AuditTrailPort, TeamMemberStore {

    public record AuditRow(String actor, String action, String entityType, String entityId, Object before, Object after) {
    }

    private static final Comparator<TeamMember> MEMBER_ORDER = Comparator.comparing((TeamMember m) -> m.name().toLowerCase(Locale.ROOT))
            .thenComparing(TeamMember::id);
    private static final Comparator<Contact> CONTACT_ORDER = Comparator.comparing((Contact c) -> c.name().toLowerCase(Locale.ROOT))
            .thenComparing(Contact::id);

    private State state = new State();
    int transactions;
    /** Whether a transaction is open now: what a remote call must never find. */
    boolean inTransaction;

    private static final class State {
        final Map<String, UserProfile> users = new HashMap<>();
        final Map<UUID, TeamMember> members = new LinkedHashMap<>();
        final Map<UUID, Startup> startups = new LinkedHashMap<>();
        final Map<UUID, Contact> contacts = new LinkedHashMap<>();
        final List<AuditRow> audit = new ArrayList<>();

        State copy() {
            State c = new State();
            c.users.putAll(users);
            c.members.putAll(members);
            c.startups.putAll(startups);
            c.contacts.putAll(contacts);
            c.audit.addAll(audit);
            return c;
        }
    }

    public List<AuditRow> audit() {
        return List.copyOf(state.audit);
    }

    public Map<UUID, TeamMember> members() {
        return Map.copyOf(state.members);
    }

    public Map<UUID, Contact> contacts() {
        return Map.copyOf(state.contacts);
    }

    @Override
    public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        State committed = state;
        state = committed.copy();
        transactions++;
        inTransaction = true;
        try {
            T result = work.get().await().indefinitely();
            return Uni.createFrom().item(result);
        } catch (RuntimeException e) {
            state = committed;
            return Uni.createFrom().failure(e);
        } finally {
            inTransaction = false;
        }
    }

    /** Reads what is committed (no copy, no transaction). */
    @Override
    public <T> Uni<T> reading(Supplier<Uni<T>> work) {
        return work.get();
    }

    // users and audit

    @Override
    public Uni<UserProfile> upsert(UserProfile user) {
        state.users.put(user.id(), user);
        return Uni.createFrom().item(user);
    }

    @Override
    public Uni<Map<String, String>> idsByAddress(Collection<String> emails) {
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        state.users.values().stream().filter(u -> emails.stream().anyMatch(e -> e.equalsIgnoreCase(u.email())))
                .forEach(u -> ids.put(u.email().toLowerCase(java.util.Locale.ROOT), u.id()));
        return Uni.createFrom().item(ids);
    }

    @Override
    public Uni<Map<String, UserProfile>> findAll(Collection<String> ids) {
        Map<String, UserProfile> found = new HashMap<>();
        ids.stream().map(state.users::get).filter(Objects::nonNull).forEach(u -> found.put(u.id(), u));
        return Uni.createFrom().item(found);
    }

    @Override
    public Uni<Void> record(String actorId, String action, PracticeRoom before, PracticeRoom after) {
        throw new UnsupportedOperationException("rooms are not part of the team");
    }

    @Override
    public Uni<Void> recordSlot(String actorId, String action, Slot before, Slot after) {
        throw new UnsupportedOperationException("slots are not part of the team");
    }

    @Override
    public Uni<Void> recordEntity(String actorId, String action, String entityType, String entityId, Object before, Object after) {
        state.audit.add(new AuditRow(actorId, action, entityType, entityId, before, after));
        return Uni.createFrom().voidItem();
    }

    // team members

    @Override
    public Uni<Optional<TeamMember>> find(UUID id) {
        return Uni.createFrom().item(Optional.ofNullable(state.members.get(id)));
    }

    @Override
    public Uni<List<TeamMember>> findByIds(Collection<UUID> ids) {
        return Uni.createFrom().item(ids.stream().distinct().map(state.members::get).filter(Objects::nonNull).toList());
    }

    @Override
    public Uni<Optional<TeamMember>> findByEmail(String email) {
        return Uni.createFrom().item(state.members.values().stream().filter(m -> m.hasEmail(email)).findFirst());
    }

    @Override
    public Uni<Optional<TeamMember>> findByCalcomUserId(long calcomUserId) {
        return Uni.createFrom().item(state.members.values().stream()
                .filter(m -> m.calcomUserId() != null && m.calcomUserId() == calcomUserId).findFirst());
    }

    @Override
    public Uni<List<TeamMember>> list(boolean includeInactive) {
        return Uni.createFrom().item(state.members.values().stream().filter(m -> includeInactive || m.active()).sorted(MEMBER_ORDER).toList());
    }

    @Override
    public Uni<TeamMember> add(TeamMember member) {
        return Uni.createFrom().item(() -> putMember(member));
    }

    @Override
    public Uni<TeamMember> update(TeamMember member) {
        return Uni.createFrom().item(() -> {
            if (!state.members.containsKey(member.id())) {
                throw new NotFoundException("team_member_not_found", "No team member " + member.id() + ".");
            }
            return putMember(member);
        });
    }

    private TeamMember putMember(TeamMember member) {
        for (TeamMember other : state.members.values()) {
            if (other.id().equals(member.id())) {
                continue;
            }
            if (other.hasEmail(member.email())) {
                throw new ConflictException("team_member_email_taken", "unique index team_member_email_unique");
            }
            if (member.calcomUserId() != null && member.calcomUserId().equals(other.calcomUserId())) {
                throw new ConflictException("team_member_calcom_user_taken", "unique index team_member_calcom_user_unique");
            }
        }
        state.members.put(member.id(), member);
        return member;
    }

    // startups

    public Uni<Optional<Startup>> findByName(String name) {
        return Uni.createFrom().item(state.startups.values().stream().filter(s -> s.hasName(name)).findFirst());
    }

    public Uni<List<Startup>> search(String text, int limit, int offset) {
        String part = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Uni.createFrom().item(state.startups.values().stream()
                .filter(s -> s.name().toLowerCase(Locale.ROOT).contains(part))
                .sorted(Comparator.comparing((Startup s) -> s.name().toLowerCase(Locale.ROOT)).thenComparing(Startup::id))
                .skip(offset).limit(limit).toList());
    }

    public Uni<Startup> add(Startup startup) {
        return Uni.createFrom().item(() -> {
            if (state.startups.values().stream().anyMatch(s -> s.hasName(startup.name()))) {
                throw new ConflictException("startup_name_taken", "unique index startup_name_unique");
            }
            state.startups.put(startup.id(), startup);
            return startup;
        });
    }

    /** The startups, as a {@link StartupStore}. */
    public StartupStore startups() {
        InMemoryTeam self = this;
        return new StartupStore() {
            @Override
            public Uni<Optional<Startup>> find(UUID id) {
                return Uni.createFrom().item(Optional.ofNullable(self.state.startups.get(id)));
            }

            @Override
            public Uni<Optional<Startup>> findByName(String name) {
                return self.findByName(name);
            }

            @Override
            public Uni<List<Startup>> search(String text, int limit, int offset) {
                return self.search(text, limit, offset);
            }

            @Override
            public Uni<Startup> add(Startup startup) {
                return self.add(startup);
            }

            @Override
            public Uni<Void> remove(Startup startup) {
                return Uni.createFrom().item(() -> {
                    if (self.state.contacts.values().stream().anyMatch(c -> c.startupId().equals(startup.id()))) {
                        throw new IllegalStateException("foreign key: startup " + startup.id() + " has contacts");
                    }
                    self.state.startups.remove(startup.id());
                    return null;
                });
            }

            @Override
            public Uni<Startup> update(Startup startup) {
                return Uni.createFrom().item(() -> {
                    if (self.state.startups.values().stream().anyMatch(s -> !s.id().equals(startup.id()) && s.hasName(startup.name()))) {
                        throw new ConflictException("startup_name_taken", "unique index startup_name_unique");
                    }
                    self.state.startups.put(startup.id(), startup);
                    return startup;
                });
            }
        };
    }

    /** The contacts, as a {@link ContactStore}. */
    public ContactStore contactStore() {
        InMemoryTeam self = this;
        return new ContactStore() {
            @Override
            public Uni<Optional<Contact>> find(UUID id) {
                return Uni.createFrom().item(Optional.ofNullable(self.state.contacts.get(id)));
            }

            /** One caller at a time here: keeping and holding are plain reads. */
            @Override
            public Uni<Optional<Contact>> findKeeping(UUID id) {
                return find(id);
            }

            @Override
            public Uni<Optional<Contact>> findRemoving(UUID id) {
                return find(id);
            }

            @Override
            public Uni<List<Contact>> listRemoving(UUID startupId) {
                return self.listOf(startupId);
            }
            @Override
            public Uni<Optional<Contact>> findByEmail(UUID startupId, String email) {
                return self.findByEmail(startupId, email);
            }

            @Override
            public Uni<List<Contact>> listOf(UUID startupId) {
                return self.listOf(startupId);
            }

            @Override
            public Uni<List<Contact>> listOf(Collection<UUID> startupIds) {
                return self.listOf(startupIds);
            }

            @Override
            public Uni<Contact> add(Contact contact) {
                return self.add(contact);
            }

            @Override
            public Uni<Void> remove(Contact contact) {
                return Uni.createFrom().item(() -> {
                    self.state.contacts.remove(contact.id());
                    return null;
                });
            }

            @Override
            public Uni<Contact> update(Contact contact) {
                return Uni.createFrom().item(() -> {
                    if (self.state.contacts.values().stream().anyMatch(c -> !c.id().equals(contact.id())
                            && c.startupId().equals(contact.startupId()) && EmailAddress.same(c.email(), contact.email()))) {
                        throw new ConflictException("contact_email_taken", "unique index startup_contact_email_unique");
                    }
                    self.state.contacts.put(contact.id(), contact);
                    return contact;
                });
            }
        };
    }

    // contacts

    public Uni<Optional<Contact>> findByEmail(UUID startupId, String email) {
        return Uni.createFrom().item(state.contacts.values().stream()
                .filter(c -> c.startupId().equals(startupId) && c.hasEmail(email)).findFirst());
    }

    public Uni<List<Contact>> listOf(UUID startupId) {
        return listOf(List.of(startupId));
    }

    public Uni<List<Contact>> listOf(Collection<UUID> startupIds) {
        return Uni.createFrom().item(state.contacts.values().stream().filter(c -> startupIds.contains(c.startupId())).sorted(CONTACT_ORDER)
                .toList());
    }

    public Uni<Contact> add(Contact contact) {
        return Uni.createFrom().item(() -> {
            if (state.contacts.values().stream().anyMatch(c -> c.startupId().equals(contact.startupId())
                    && EmailAddress.same(c.email(), contact.email()))) {
                throw new ConflictException("contact_email_taken", "unique index startup_contact_email_unique");
            }
            if (!state.startups.containsKey(contact.startupId())) {
                throw new IllegalStateException("foreign key: no startup " + contact.startupId());
            }
            state.contacts.put(contact.id(), contact);
            return contact;
        });
    }
}
