package io.schedulr.calcom.nativeimage;

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
                .withConfiguration(Path.of("src/main/resources/application.properties"));
    }

    @Test
    void everyClassJacksonBindsIsRegisteredForReflection() {
        NativeRegistrationCheck check = check();
        check.assertComplete();
    }
}
