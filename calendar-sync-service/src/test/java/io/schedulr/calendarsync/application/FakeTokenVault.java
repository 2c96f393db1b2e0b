package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.out.TokenVault;

import java.util.HashSet;
import java.util.Set;

/** A reversible stand-in for the AES vault: sealed values never equal the token; some can be made unopenable. */
final class FakeTokenVault implements TokenVault {
    private static final String PREFIX = "sealed(";
    final Set<String> unopenable = new HashSet<>();
    int sealed;

    @Override
    public String seal(String token) {
        sealed++;
        return PREFIX + new StringBuilder(token).reverse() + ")";
    }

    @Override
    public String open(String value) {
        if (unopenable.contains(value) || value == null || !value.startsWith(PREFIX)) {
            throw new IllegalStateException("token sealed with key old, which is no longer configured");
        }
        return new StringBuilder(value.substring(PREFIX.length(), value.length() - 1)).reverse().toString();
    }
}
