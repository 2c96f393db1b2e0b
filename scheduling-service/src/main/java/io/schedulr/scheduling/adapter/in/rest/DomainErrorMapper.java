package io.schedulr.scheduling.adapter.in.rest;

import io.schedulr.kit.rest.ErrorMappers;
import io.schedulr.scheduling.adapter.out.video.VideoProviderUnavailableException;
import io.schedulr.scheduling.domain.ConcurrentChangeException;
import io.schedulr.scheduling.domain.DomainException;
import io.schedulr.scheduling.domain.ForbiddenActionException;
import io.schedulr.scheduling.domain.InvalidRequestException;
import io.schedulr.scheduling.domain.RoomAlreadyBookedException;
import io.schedulr.scheduling.domain.RoomNotFoundException;
import io.schedulr.scheduling.domain.SlotConflictException;
import io.schedulr.scheduling.domain.SlotNotFoundException;
import io.schedulr.scheduling.domain.UnprocessableActionException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Domain refusals → HTTP status + JSON {code, message}. */
public class DomainErrorMapper {
    private static final Logger LOG = Logger.getLogger(DomainErrorMapper.class);

    @ServerExceptionMapper
    public Response domain(DomainException e) {
        int status;
        if (e instanceof InvalidRequestException) {
            status = 400;
        } else if (e instanceof ForbiddenActionException) {
            status = 403;
        } else if (e instanceof RoomNotFoundException || e instanceof SlotNotFoundException) {
            status = 404;
        } else if (e instanceof RoomAlreadyBookedException || e instanceof ConcurrentChangeException || e instanceof SlotConflictException) {
            status = 409;
        } else if (e instanceof UnprocessableActionException) {
            status = 422;
        } else {
            status = 400;
        }
        return ErrorMappers.error(status, e.code(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response video(VideoProviderUnavailableException e) {
        LOG.warnf("video provider failed: %s", e.getMessage());
        return ErrorMappers.error(502, "video_provider_unavailable",
                "The video room could not be created right now; nothing was saved. Please try again.");
    }
}
