package io.schedulr.calendarsync.adapter.in.rest;

import io.schedulr.calendarsync.application.ConnectionRefusedException;
import io.schedulr.calendarsync.application.GoogleUnavailableException;
import io.schedulr.kit.rest.ErrorMappers;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The application's refusals as {@code {"code","message"}} answers. */
public class ConnectionErrorMappers {
    private static final Logger LOG = Logger.getLogger(ConnectionErrorMappers.class);

    @ServerExceptionMapper
    public Response refused(ConnectionRefusedException e) {
        String code = codeOf(e);
        LOG.infof("calendar connection refused (%s): %s", code, e.getMessage());
        return ErrorMappers.error(400, code, e.getMessage());
    }

    static String codeOf(ConnectionRefusedException e) {
        return switch (e.problem()) {
            case INVALID_STATE -> "invalid_state";
            case STATE_EXPIRED -> "state_expired";
            case CONSENT_DENIED -> "consent_denied";
            case INVALID_CODE -> "invalid_code";
            case SCOPES_MISSING -> "calendar_scopes_missing";
            case ACCOUNT_MISMATCH -> "google_account_mismatch";
            case NO_OFFLINE_ACCESS -> "offline_access_missing";
            case ACCESS_WITHDRAWN -> "access_withdrawn";
            case REDIRECT_NOT_ALLOWED -> "redirect_uri_not_allowed";
        };
    }

    @ServerExceptionMapper
    public Response unavailable(GoogleUnavailableException e) {
        LOG.warnf("Google unavailable: %s", e.getMessage());
        return ErrorMappers.error(503, "google_unavailable", "Google did not answer; try again in a moment.");
    }
}
