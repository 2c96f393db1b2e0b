package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.AddContactCommand;
import io.schedulr.scheduling.application.port.in.interview.AddStartupCommand;
import io.schedulr.scheduling.application.port.in.interview.AddTeamMemberCommand;
import io.schedulr.scheduling.application.port.in.interview.EditContactCommand;
import io.schedulr.scheduling.application.port.in.interview.EditStartupCommand;
import io.schedulr.scheduling.application.port.in.interview.EditTeamMemberCommand;
import io.schedulr.scheduling.application.port.in.interview.StartupDetails;
import io.schedulr.scheduling.application.port.in.interview.StartupSearch;
import io.schedulr.scheduling.domain.ConflictException;
import io.schedulr.scheduling.domain.ForbiddenActionException;
import io.schedulr.scheduling.domain.InvalidRequestException;
import io.schedulr.scheduling.domain.NotFoundException;
import io.schedulr.scheduling.domain.UserProfile;
import io.schedulr.scheduling.domain.interview.Actor;
import io.schedulr.scheduling.domain.interview.Contact;
import io.schedulr.scheduling.domain.interview.EmailAddress;
import io.schedulr.scheduling.domain.interview.Startup;
import io.schedulr.scheduling.domain.interview.TeamMember;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Team members, startups and contacts against in-memory ports: who may, uniqueness, audit rows, all or nothing. */
class TeamServicesTest {
    private final InMemoryTeam store = new InMemoryTeam();
    private final Actor admin = new Actor(new UserProfile("admin", "admin@example.com", "Ada Admin", "UTC"), true);
    private final Actor coordinator = new Actor(new UserProfile("coord", "coord@example.com", "Cora", "UTC"), false);
    private final AddTeamMemberService addMember = new AddTeamMemberService(store, store, store, store);
    private final InMemoryInterviews interviewStore = new InMemoryInterviews();
    private final AddressCorrections corrections = new AddressCorrections(
            new Interviews(interviewStore, store, store.startups(), store.contactStore(), store, interviewStore));
    private final Clock clock = Clock.fixed(Instant.parse("2030-03-01T08:00:00Z"), ZoneOffset.UTC);
    private final EditTeamMemberService editMember = new EditTeamMemberService(store, store, store, store, corrections, clock);
    private final TeamMemberQueriesService members = new TeamMemberQueriesService(store, store, store);
    private final AddStartupService addStartup = new AddStartupService(store, store, store.startups(), store);
    private final AddContactService addContact = new AddContactService(store, store,
            new ContactRegistration(store.startups(), store.contactStore(), store));
    private final StartupQueriesService startups = new StartupQueriesService(store, store, store.startups(), store.contactStore());
    private final EditStartupService editStartup = new EditStartupService(store, store, store.startups(), store.contactStore(), store);
    private final EditContactService editContact = new EditContactService(store, store, store.contactStore(), store, corrections, clock);

    private static <T> T await(Uni<T> uni) {
        return uni.await().indefinitely();
    }

    private TeamMember member(String name, String email) {
        return await(addMember.add(new AddTeamMemberCommand(admin, name, email, "Partner", null)));
    }

    private static EditTeamMemberCommand edit(Actor actor, UUID id, String email, Boolean active) {
        return new EditTeamMemberCommand(actor, id, null, email, null, false, null, active);
    }

    @Test
    void adminsSeeEachCalcomHostOnceWithTheMemberLinkedToThem() {
        CalcomUsersService calcomUsers = new CalcomUsersService(store, store, new InMemoryInterviews());
        assertThatThrownBy(() -> calcomUsers.list(coordinator)).hasFieldOrPropertyWithValue("code", "admin_only");
        assertThat(await(calcomUsers.list(admin))).as("Ada hosts both event types").singleElement()
                .satisfies(u -> assertThat(u.calcomUserId()).isEqualTo(101L)).satisfies(u -> assertThat(u.linked()).isNull());

        TeamMember ada = await(addMember.add(new AddTeamMemberCommand(admin, "Ada", "ada@example.com", "Partner", 101L)));
        await(editMember.edit(edit(admin, ada.id(), null, false)));
        assertThat(await(calcomUsers.list(admin))).as("linked, though deactivated").singleElement()
                .satisfies(u -> assertThat(u.linked().id()).isEqualTo(ada.id()));
    }

    @Test
    void onlyAdminsManageTheTeamAndEveryoneListsTheActiveMembersByName() {
        assertThatThrownBy(() -> addMember.add(new AddTeamMemberCommand(coordinator, "Zed", "zed@example.com", "Analyst", null)))
                .isInstanceOf(ForbiddenActionException.class).hasFieldOrPropertyWithValue("code", "admin_only");
        TeamMember zed = member("zed", "Zed@Example.COM");
        TeamMember amy = member("Amy", "amy@example.com");

        assertThat(zed.email()).isEqualTo("Zed@example.com");
        assertThat(zed.active()).isTrue();
        assertThatThrownBy(() -> editMember.edit(edit(coordinator, zed.id(), null, false)))
                .isInstanceOf(ForbiddenActionException.class).hasFieldOrPropertyWithValue("code", "admin_only");
        assertThat(await(members.list(coordinator, false))).extracting(TeamMember::name).containsExactly("Amy", "zed");

        TeamMember gone = await(editMember.edit(edit(admin, zed.id(), null, false)));

        assertThat(gone.active()).isFalse();
        assertThat(await(members.list(coordinator, false))).containsExactly(amy);
        assertThat(await(members.list(admin, true))).containsExactly(amy, gone);
        assertThatThrownBy(() -> members.list(coordinator, true)).hasFieldOrPropertyWithValue("code", "admin_only");
        assertThat(store.audit()).extracting(InMemoryTeam.AuditRow::action)
                .containsExactly("team_member.added", "team_member.added", "team_member.deactivated");
        assertThat(store.audit().get(2).before()).isEqualTo(zed);
        assertThat(store.audit().get(2).after()).isEqualTo(gone);
        assertThat(store.audit()).allSatisfy(row -> assertThat(row.actor()).isEqualTo("admin"));
    }

    @Test
    void emailsAndCalcomUsersAreUniqueWithoutRegardToCaseAndARefusalWritesNothing() {
        TeamMember amy = await(addMember.add(new AddTeamMemberCommand(admin, "Amy", "amy@example.com", "Partner", 42L)));
        TeamMember bob = member("Bob", "bob@example.com");
        int audited = store.audit().size();

        assertThatThrownBy(() -> await(addMember.add(new AddTeamMemberCommand(admin, "Amy 2", "AMY@example.com", "Analyst", null))))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "team_member_email_taken");
        assertThatThrownBy(() -> await(editMember.edit(edit(admin, bob.id(), "Amy@Example.com", null))))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "team_member_email_taken");
        assertThatThrownBy(() -> await(editMember.edit(new EditTeamMemberCommand(admin, bob.id(), null, null, null, true, 42L, null))))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "team_member_calcom_user_taken");
        assertThatThrownBy(() -> await(editMember.edit(edit(admin, UUID.randomUUID(), null, false))))
                .isInstanceOf(NotFoundException.class).hasFieldOrPropertyWithValue("code", "team_member_not_found");

        assertThat(store.members()).hasSize(2).containsValues(amy, bob);
        assertThat(store.audit()).hasSize(audited);
        // changing the case of one's own address is not taken; unlinking Cal.com is a change
        TeamMember recased = await(editMember.edit(new EditTeamMemberCommand(admin, amy.id(), null, "AMY@example.com", null, true, null, null)));
        assertThat(recased.email()).isEqualTo("AMY@example.com");
        assertThat(recased.calcomUserId()).isNull();
        assertThat(store.audit()).last().satisfies(row -> assertThat(row.action()).isEqualTo("team_member.edited"));
    }

    @Test
    void membersHoldTheirRules() {
        assertThatThrownBy(() -> TeamMember.create(" ", "a@example.com", "Partner", null)).hasFieldOrPropertyWithValue("code", "invalid_name");
        assertThatThrownBy(() -> TeamMember.create("A", "not-an-address", "Partner", null)).hasFieldOrPropertyWithValue("code", "invalid_email");
        assertThatThrownBy(() -> TeamMember.create("A", "a@example.com", "", null)).hasFieldOrPropertyWithValue("code", "invalid_role");
        assertThatThrownBy(() -> TeamMember.create("A", "a@example.com", "Partner", 0L))
                .hasFieldOrPropertyWithValue("code", "invalid_calcom_user_id");
        assertThatThrownBy(() -> TeamMember.create("A\r\nBcc: x", "a@example.com", "Partner", null))
                .hasFieldOrPropertyWithValue("code", "invalid_name");
        assertThatThrownBy(() -> new EditTeamMemberCommand(admin, UUID.randomUUID(), null, null, null, false, null, null))
                .hasFieldOrPropertyWithValue("code", "nothing_to_update");
        assertThat(EmailAddress.require("  Guest.One@Mail.Example.ORG ", "guest_email")).isEqualTo("Guest.One@mail.example.org");
        assertThatThrownBy(() -> EmailAddress.require("a@b@c", "guest_email")).isInstanceOf(InvalidRequestException.class)
                .hasFieldOrPropertyWithValue("code", "invalid_guest_email");
        assertThat(Startup.create("Acme", "acme.io").website()).isEqualTo("https://acme.io");
        assertThatThrownBy(() -> Startup.create("Acme", "javascript:alert(1)")).hasFieldOrPropertyWithValue("code", "invalid_website");
    }

    @Test
    void startupsAreFoundByPartOfTheirNameWithTheirContacts() {
        Startup acme = await(addStartup.add(new AddStartupCommand(coordinator, "Acme Robotics", null)));
        await(addStartup.add(new AddStartupCommand(coordinator, "Beta 100%", "https://beta.example")));
        assertThatThrownBy(() -> await(addStartup.add(new AddStartupCommand(coordinator, " acme robotics ", null))))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "startup_name_taken");

        Contact ceo = await(addContact.add(new AddContactCommand(coordinator, acme.id(), "Zoe", "zoe@acme.example", "CEO")));
        Contact cto = await(addContact.add(new AddContactCommand(coordinator, acme.id(), "Al", "al@acme.example", null)));
        assertThatThrownBy(() -> await(addContact.add(new AddContactCommand(coordinator, acme.id(), "Zoe again", "ZOE@acme.example", "CEO"))))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "contact_email_taken");
        assertThatThrownBy(() -> await(addContact.add(new AddContactCommand(coordinator, UUID.randomUUID(), "Nobody", "n@x.example", null))))
                .isInstanceOf(NotFoundException.class).hasFieldOrPropertyWithValue("code", "startup_not_found");

        List<StartupDetails> found = await(startups.search(coordinator, new StartupSearch("ROBOT", 50, 0)));
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.startup()).isEqualTo(acme);
            assertThat(d.contacts()).containsExactly(cto, ceo);
        });
        assertThat(await(startups.search(coordinator, new StartupSearch(null, 1, 1)))).extracting(d -> d.startup().name())
                .containsExactly("Beta 100%");
        assertThat(await(startups.contacts(coordinator, acme.id()))).containsExactly(cto, ceo);
        assertThatThrownBy(() -> await(startups.get(coordinator, UUID.randomUUID()))).hasFieldOrPropertyWithValue("code", "startup_not_found");
        assertThat(store.audit()).extracting(InMemoryTeam.AuditRow::action, InMemoryTeam.AuditRow::entityType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("startup.added", "startup"),
                        org.assertj.core.groups.Tuple.tuple("startup.added", "startup"),
                        org.assertj.core.groups.Tuple.tuple("startup_contact.added", "startup_contact"),
                        org.assertj.core.groups.Tuple.tuple("startup_contact.added", "startup_contact"));
    }

    @Test
    void startupsAndContactsAreCorrectedWithTheirRulesAndAudited() {
        Startup acme = await(addStartup.add(new AddStartupCommand(coordinator, "Acme Robotcs", "acme.io")));
        Startup beta = await(addStartup.add(new AddStartupCommand(coordinator, "Beta", null)));
        Contact zoe = await(addContact.add(new AddContactCommand(coordinator, acme.id(), "Zoe", "zoe@acme.exmaple", "CEO")));
        Contact al = await(addContact.add(new AddContactCommand(coordinator, acme.id(), "Al", "al@acme.example", null)));

        StartupDetails renamed = await(editStartup.edit(new EditStartupCommand(coordinator, acme.id(), "Acme Robotics", true, null)));
        assertThat(renamed.startup()).isEqualTo(new Startup(acme.id(), "Acme Robotics", null));
        assertThat(renamed.contacts()).as("answered with its contacts").containsExactly(al, zoe);
        assertThat(await(startups.get(coordinator, acme.id())).startup()).isEqualTo(renamed.startup());
        assertThat(await(editStartup.edit(new EditStartupCommand(coordinator, acme.id(), " ACME robotics ", false, null))).startup().name())
                .as("its own name in another case is no clash").isEqualTo("ACME robotics");
        assertThatThrownBy(() -> await(editStartup.edit(new EditStartupCommand(coordinator, acme.id(), "beta", false, null))))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "startup_name_taken");
        assertThatThrownBy(() -> await(editStartup.edit(new EditStartupCommand(coordinator, acme.id(), null, true, "javascript:x"))))
                .hasFieldOrPropertyWithValue("code", "invalid_website");
        assertThatThrownBy(() -> await(editStartup.edit(new EditStartupCommand(coordinator, UUID.randomUUID(), "X", false, null))))
                .isInstanceOf(NotFoundException.class).hasFieldOrPropertyWithValue("code", "startup_not_found");
        assertThatThrownBy(() -> new EditStartupCommand(coordinator, acme.id(), null, false, null))
                .hasFieldOrPropertyWithValue("code", "nothing_to_update");

        Contact corrected = await(editContact.edit(new EditContactCommand(coordinator, acme.id(), zoe.id(), null, "zoe@acme.example", true, null)));
        assertThat(corrected).isEqualTo(new Contact(zoe.id(), acme.id(), "Zoe", "zoe@acme.example", null));
        assertThat(await(startups.contacts(coordinator, acme.id()))).contains(corrected);
        assertThatThrownBy(() -> await(editContact.edit(new EditContactCommand(coordinator, acme.id(), zoe.id(), null, "AL@acme.example", false, null))))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "contact_email_taken");
        assertThatThrownBy(() -> await(editContact.edit(new EditContactCommand(coordinator, beta.id(), al.id(), "Al B", null, false, null))))
                .as("a contact of another startup is not found there").isInstanceOf(NotFoundException.class)
                .hasFieldOrPropertyWithValue("code", "contact_not_found");
        assertThatThrownBy(() -> await(editContact.edit(new EditContactCommand(coordinator, acme.id(), al.id(), null, "not-an-address", false, null))))
                .hasFieldOrPropertyWithValue("code", "invalid_email");
        assertThat(await(editContact.edit(new EditContactCommand(coordinator, acme.id(), al.id(), "Al", null, false, null))))
                .as("no change, no audit row").isEqualTo(al);

        assertThat(store.audit()).extracting(InMemoryTeam.AuditRow::action).containsExactly("startup.added", "startup.added",
                "startup_contact.added", "startup_contact.added", "startup.edited", "startup.edited", "startup_contact.edited");
    }
}
