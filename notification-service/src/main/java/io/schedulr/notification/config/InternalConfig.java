package io.schedulr.notification.config;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;

/**
 * Calls from other Schedulr services ({@code schedulr.internal.*}): the keys they present in X-Schedulr-Service-Key
 * (SCHEDULR_SERVICE_KEYS, comma-separated, any of them accepted; none configured turns the internal routes off).
 */
@ConfigMapping(prefix = "schedulr.internal")
public interface InternalConfig {
    /** The accepted service keys; empty when none is set. */
    Optional<List<String>> serviceKeys();
}
