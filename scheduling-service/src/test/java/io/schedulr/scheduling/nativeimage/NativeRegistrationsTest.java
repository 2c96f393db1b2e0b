package io.schedulr.scheduling.nativeimage;

import io.schedulr.events.EventCodec;
import io.schedulr.kit.rest.ApiError;
import io.schedulr.testsupport.NativeRegistrationCheck;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

/**
 * Native-image readiness in JVM mode (issue 17): every class Jackson binds reflectively — found in the compiled
 * classes of this service, service-kit and the event contract by {@link NativeRegistrationCheck}'s rules — is
 * registered with {@code @RegisterForReflection}. A new DTO without a registration fails here, naming it.
 */
class NativeRegistrationsTest {

    static NativeRegistrationCheck check() {
        return NativeRegistrationCheck.of(List.of(Path.of("target/classes"),
                        NativeRegistrationCheck.codeSource(ApiError.class), NativeRegistrationCheck.codeSource(EventCodec.class)))
                .withConfiguration(Path.of("src/main/resources/application.properties"))
                .allow("io.schedulr.scheduling.adapter.out.messaging.KafkaOutboxRelay$Outcome",
                        "private row-outcome holder of the relay's JDBC batch; never becomes JSON")
                .allow("io.schedulr.scheduling.adapter.out.messaging.KafkaOutboxRelay$OutboxRow",
                        "private JDBC row holder; its payload is already JSON text, the record itself is never bound")
                .allow("io.schedulr.scheduling.adapter.out.messaging.InterviewOutboxAppender$Known",
                        "private lookup result (user id, time zone) read from SQL; never becomes JSON")
                .allow("io.schedulr.scheduling.adapter.in.rest.auth.VerifiedTokens$Entry",
                        "private in-memory cache entry (identity, expiry); never becomes JSON")
                .allow("io.schedulr.scheduling.adapter.out.persistence.CommittedProfiles$Committed",
                        "private in-memory cache entry (profile, expiry); never becomes JSON")
                .allow("io.schedulr.scheduling.adapter.out.persistence.SqlBookedTimes$Statement",
                        "package-private holder of a statement's SQL text and parameters; never becomes JSON")
                .allow("io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort$BookingState",
                        "port value CalcomGatewayClient builds from two fields it reads off the answer's tree; never bound by Jackson")
                .allow("io.schedulr.scheduling.domain.UserProfile",
                        "domain value held by CommittedProfiles$Committed in memory; the REST answers map it to PersonResponse");
    }

    @Test
    void everyClassJacksonBindsIsRegisteredForReflection() {
        NativeRegistrationCheck check = check();
        check.assertComplete();
    }
}
