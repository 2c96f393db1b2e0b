package io.schedulr.calendarsync.application.port.in;

/** Finds grants people revoked at Google, so the app asks them again instead of failing later. */
public interface VerifyConnectionsUseCase {
    /** Checks the connections due for a check; returns how many were checked. */
    int verifyDue();
}
