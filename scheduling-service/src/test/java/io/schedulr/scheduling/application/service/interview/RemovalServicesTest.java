package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.InterviewFlowUseCase.GuestInput;
import io.schedulr.scheduling.application.port.in.interview.RemoveContactCommand;
import io.schedulr.scheduling.application.port.in.interview.RemoveStartupCommand;
import io.schedulr.scheduling.domain.interview.Contact;
import io.schedulr.scheduling.domain.interview.Startup;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Startups and contacts no interview names are removed; those an interview names stay (in-memory ports). */
class RemovalServicesTest {
    private final InterviewWorld world = new InterviewWorld();
    private final RemoveContactService removeContact = new RemoveContactService(world.team, world.team, world.team.contactStore(),
            world.store, world.team);
    private final RemoveStartupService removeStartup = new RemoveStartupService(world.team, world.team, world.team.startups(),
            world.team.contactStore(), world.store, world.team);

    private Contact contact(Startup startup, String name) {
        return world.team.contactStore().add(Contact.create(startup.id(), name, name.toLowerCase() + "@" + startup.name().toLowerCase() + ".test",
                null)).await().indefinitely();
    }

    @Test
    void aContactNoInterviewNamesIsRemovedAndOneAnInterviewNamesStays() {
        world.ready();
        Contact duplicate = contact(world.acme, "Gracie");
        Startup beta = world.team.startups().add(Startup.create("Beta", null)).await().indefinitely();

        assertThatThrownBy(() -> removeContact.remove(new RemoveContactCommand(world.ben, world.acme.id(), world.grace.id())).await().indefinitely())
                .hasFieldOrPropertyWithValue("code", "contact_in_use")
                .hasMessage("Grace is named by 1 interview (as its contact or a guest), so they stay; correct their address or role instead.");
        assertThatThrownBy(() -> removeContact.remove(new RemoveContactCommand(world.ben, beta.id(), duplicate.id())).await().indefinitely())
                .as("through another startup").hasFieldOrPropertyWithValue("code", "contact_not_found");

        removeContact.remove(new RemoveContactCommand(world.ben, world.acme.id(), duplicate.id())).await().indefinitely();

        assertThat(world.team.contactStore().find(duplicate.id()).await().indefinitely()).isEmpty();
        assertThat(world.team.contactStore().find(world.grace.id()).await().indefinitely()).isPresent();
        assertThat(world.team.audit()).filteredOn(r -> r.action().equals("startup_contact.removed"))
                .singleElement().satisfies(r -> {
                    assertThat(r.entityId()).isEqualTo(duplicate.id().toString());
                    assertThat(r.before()).isEqualTo(duplicate);
                    assertThat(r.after()).isNull();
                });
    }

    @Test
    void aStartupGoesWithItsContactsUnlessAnInterviewNamesItOrOneOfThem() {
        world.ready();
        Startup beta = world.team.startups().add(Startup.create("Beta", null)).await().indefinitely();
        Contact bob = contact(beta, "Bob");
        Startup gamma = world.team.startups().add(Startup.create("Gamma", null)).await().indefinitely();
        Contact cy = contact(gamma, "Cy");
        Contact di = contact(gamma, "Di");
        // Bob is a guest of an interview of Acme: Beta has no interview of its own, but it stays for him.
        UUID acmeDraft = world.flow.start(world.ada, world.acme.id()).await().indefinitely().interview().id();
        world.flow.chooseGuests(world.ada, acmeDraft, List.of(new GuestInput("Bob", bob.email(), null, "Beta", bob.id()))).await().indefinitely();

        assertThatThrownBy(() -> removeStartup.remove(new RemoveStartupCommand(world.ben, world.acme.id())).await().indefinitely())
                .hasFieldOrPropertyWithValue("code", "startup_in_use");
        assertThatThrownBy(() -> removeStartup.remove(new RemoveStartupCommand(world.ben, beta.id())).await().indefinitely())
                .hasFieldOrPropertyWithValue("code", "startup_in_use")
                .hasMessage("1 interview names Beta or one of its contacts, so it stays; correct its name or website instead.");
        assertThatThrownBy(() -> removeStartup.remove(new RemoveStartupCommand(world.ben, UUID.randomUUID())).await().indefinitely())
                .hasFieldOrPropertyWithValue("code", "startup_not_found");

        removeStartup.remove(new RemoveStartupCommand(world.ben, gamma.id())).await().indefinitely();

        assertThat(world.team.startups().find(gamma.id()).await().indefinitely()).isEmpty();
        assertThat(world.team.contactStore().listOf(gamma.id()).await().indefinitely()).isEmpty();
        assertThat(world.team.startups().find(beta.id()).await().indefinitely()).isPresent();
        assertThat(world.team.audit()).extracting(InMemoryTeam.AuditRow::action)
                .endsWith("startup_contact.removed", "startup_contact.removed", "startup.removed");
        assertThat(world.team.audit()).filteredOn(r -> r.action().endsWith(".removed")).extracting(InMemoryTeam.AuditRow::entityId)
                .containsExactly(cy.id().toString(), di.id().toString(), gamma.id().toString());
    }
}
