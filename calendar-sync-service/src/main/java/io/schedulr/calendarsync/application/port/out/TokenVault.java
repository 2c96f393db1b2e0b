package io.schedulr.calendarsync.application.port.out;

/** Seals refresh tokens for storage (authenticated encryption with rotating keys) and opens them again. */
public interface TokenVault {
    String seal(String token);

    String open(String sealed);
}
