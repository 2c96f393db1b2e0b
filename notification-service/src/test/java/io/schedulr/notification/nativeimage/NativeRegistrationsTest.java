package io.schedulr.notification.nativeimage;

import io.schedulr.events.EventCodec;
import io.schedulr.kit.rest.ApiError;
import io.schedulr.testsupport.NativeRegistrationCheck;
import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

/**
 * Native-image readiness in JVM mode (issue 17): every class Jackson binds reflectively — found in the compiled
 * classes of this service, service-kit and the event contract by {@link NativeRegistrationCheck}'s rules — is
 * registered with {@code @RegisterForReflection}. A new DTO without a registration fails here, naming it. ical4j's
 * resources and ServiceLoader providers must be registered and included as well.
 *
 * <p>Not included on purpose: ical4j's {@code zoneinfo/**} VTIMEZONE definitions (about 4 MB): invitations carry UTC
 * times only (see {@code IcsInviteCalendar}), so no VTIMEZONE is ever loaded; a change that adds TZID-bearing times
 * must add {@code zoneinfo/**} to {@code quarkus.native.resources.includes}.
 */
class NativeRegistrationsTest {

    static NativeRegistrationCheck check() {
        return NativeRegistrationCheck.of(List.of(Path.of("target/classes"),
                        NativeRegistrationCheck.codeSource(ApiError.class), NativeRegistrationCheck.codeSource(EventCodec.class)))
                .withConfiguration(Path.of("src/main/resources/application.properties"))
                .allow("io.schedulr.notification.adapter.out.mail.ImipMimeBody",
                        "the MIME text of an invitation mail, built by hand and handed to the mailer; never JSON")
                .allow("io.schedulr.notification.adapter.out.mail.InviteMailContent",
                        "subject/text/html of an invitation mail, rendered into ImipMimeBody; never JSON")
                .allow("io.schedulr.notification.adapter.out.mail.ReminderMailContent",
                        "subject/text/html of a reminder mail, handed to the mailer as text and HTML; never JSON")
                .allow("io.schedulr.notification.adapter.out.mail.BounceAlertMailContent",
                        "subject/text/html of a bounce alert mail, handed to the mailer as text and HTML; never JSON")
                // ical4j (IcsInviteCalendar): its configuration, its time-zone alias table and the factories it
                // finds with ServiceLoader, enumerated from the ical4j jar on the class path.
                .requireResource("ical4j.properties", "ical4j's Configurator reads it: no tzurl updates, MapTimeZoneCache")
                .requireClassesNamedIn(Path.of("src/main/resources/ical4j.properties"))
                .requireResource("net/fortuna/ical4j/model/tz.alias", "ical4j's time-zone alias table, read when the registry is made")
                .requireServiceProviders(Calendar.class, "net.fortuna.ical4j.");
    }

    @Test
    void everyClassJacksonBindsIsRegisteredForReflection() {
        NativeRegistrationCheck check = check();
        check.assertComplete();
    }
}
