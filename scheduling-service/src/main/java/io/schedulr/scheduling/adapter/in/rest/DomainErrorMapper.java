package io.schedulr.scheduling.adapter.in.rest;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.schedulr.kit.rest.ApiError;
import io.schedulr.kit.rest.ErrorMappers;
import io.schedulr.scheduling.application.port.out.VideoRoomUnavailableException;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayException;
import io.schedulr.scheduling.application.port.out.interview.InvitationMailsUnavailableException;
import io.schedulr.scheduling.config.CalendarGateConfig;
import io.schedulr.scheduling.domain.CalendarConflictException;
import io.schedulr.scheduling.domain.CalendarNotConnectedException;
import io.schedulr.scheduling.domain.ConcurrentChangeException;
import io.schedulr.scheduling.domain.ConflictException;
import io.schedulr.scheduling.domain.DomainException;
import io.schedulr.scheduling.domain.ForbiddenActionException;
import io.schedulr.scheduling.domain.InvalidRequestException;
import io.schedulr.scheduling.domain.NotFoundException;
import io.schedulr.scheduling.domain.RoomAlreadyBookedException;
import io.schedulr.scheduling.domain.RoomNotFoundException;
import io.schedulr.scheduling.domain.SlotConflictException;
import io.schedulr.scheduling.domain.SlotNotFoundException;
import io.schedulr.scheduling.domain.UnprocessableActionException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.logging.Logger;

import java.util.List;

/** Refusals of the domain and the use cases → HTTP status + JSON {code, message}. */
public class DomainErrorMapper {
    private static final Logger LOG = Logger.getLogger(DomainErrorMapper.class);

    @Inject
    CalendarGateConfig calendar;
    @Inject
    BookingMeters meters;

    /** The calendar gate's 403 also says where to connect, so a client can send the person straight there. */
    @ServerExceptionMapper
    public Response calendarNotConnected(CalendarNotConnectedException e) {
        return ErrorMappers.error(403, new ApiError(e.code(), e.getMessage(), calendar.connectUrl()));
    }

    /** The clash's times only: never what the other event is or who is in it. */
    @ServerExceptionMapper
    public Response calendarConflict(CalendarConflictException e) {
        meters.conflict(e.code());
        List<ConflictResponse.Period> periods = e.conflicts().stream().map(w -> new ConflictResponse.Period(w.start(), w.end())).toList();
        return Response.status(409).type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
                .entity(new ConflictResponse(e.code(), e.getMessage(), periods, e.ownOnly())).build();
    }

    @ServerExceptionMapper
    public Response domain(DomainException e) {
        int status;
        if (e instanceof InvalidRequestException) {
            status = 400;
        } else if (e instanceof ForbiddenActionException) {
            status = 403;
        } else if (e instanceof RoomNotFoundException || e instanceof SlotNotFoundException || e instanceof NotFoundException) {
            status = 404;
        } else if (e instanceof RoomAlreadyBookedException || e instanceof ConcurrentChangeException || e instanceof SlotConflictException
                || e instanceof ConflictException) {
            status = 409;
            meters.conflict(e.code());
        } else if (e instanceof UnprocessableActionException) {
            status = 422;
        } else {
            status = 400;
        }
        return ErrorMappers.error(status, e.code(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response video(VideoRoomUnavailableException e) {
        LOG.warnf("video provider failed: %s", e.getMessage());
        return ErrorMappers.error(502, "video_provider_unavailable",
                "The video room could not be created right now; nothing was saved. Please try again.");
    }

    /** notification-service could not be asked (the adapter logged why). */
    @ServerExceptionMapper
    public Response mailStatus(InvitationMailsUnavailableException e) {
        return ErrorMappers.error(503, "mail_status_unavailable", "What became of the mails cannot be read right now. Please try again.");
    }

    /** calcom-gateway's refusal passed on; its failure as 503 (nothing was changed, or the send waits for Cal.com's word). */
    @ServerExceptionMapper
    public Response calcom(CalcomGatewayException e) {
        if (e.status() == 429) {
            return Response.status(429).header("Retry-After", "60")
                    .entity(new ApiError(e.code(), e.getMessage())).type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON).build();
        }
        if (e.status() == 409) {
            meters.conflict(e.code());
        }
        return ErrorMappers.error(e.status(), e.code(), e.getMessage());
    }

    /** A field over its limits (Bean Validation on the request records): {@code invalid_<field>}. */
    @ServerExceptionMapper
    public Response invalid(ResteasyReactiveViolationException e) {
        ConstraintViolation<?> first = e.getConstraintViolations().iterator().next();
        String field = "body";
        for (Path.Node node : first.getPropertyPath()) {
            if (node.getName() != null) {
                field = node.getName();
            }
        }
        return ErrorMappers.error(400, "invalid_" + field, "'" + field + "' " + first.getMessage() + ".");
    }
}
