package io.schedulr.calendarsync.application.port.in;

import io.schedulr.calendarsync.application.ConnectionView;

/** Finishes a connection when Google sends the person back. */
public interface CompleteConnectionUseCase {
    /**
     * @param googleError     Google's {@code error} parameter (the person refused), or null
     * @param signedInAccount the caller's account when a signed-in front end posts the code; null for the browser
     *                        redirect, where the state alone names the person
     */
    ConnectionView complete(String code, String state, String googleError, String signedInAccount);
}
