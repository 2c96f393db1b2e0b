package io.schedulr.kit.security;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * The {@link ServiceKeys} of a service that serves internal routes, from {@code schedulr.internal.service-keys}
 * (SCHEDULR_SERVICE_KEYS, comma-separated; unset: the routes are off). A service without internal routes never injects
 * it, so the bean is left out of it.
 */
public class ServiceKeysProducer {

    @Produces
    @Singleton
    ServiceKeys serviceKeys(@ConfigProperty(name = "schedulr.internal.service-keys") Optional<List<String>> keys) {
        return new ServiceKeys(keys.orElse(List.of()));
    }
}
