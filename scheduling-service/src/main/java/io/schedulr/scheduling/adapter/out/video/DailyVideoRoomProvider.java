package io.schedulr.scheduling.adapter.out.video;

import io.schedulr.scheduling.application.port.out.VideoRoomProvider;
import io.schedulr.scheduling.application.port.out.VideoRoomUnavailableException;
import io.schedulr.scheduling.config.SchedulingConfig;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Rooms on Daily. Rate limits (429), server errors and network failures are retried with exponential backoff;
 * other refusals (bad key, bad request) fail at once.
 * <p>Every room is public on Daily and never expires there: its URL, a name no one can guess, is given to the host and
 * the guest alone (a private session is private in schedulr's lists). A Daily room made private lets nobody in without
 * a meeting token, and one that expired at its first time could not be joined after the session moved or ran long.
 * <p>The name is a keyed hash of the room's id (HMAC-SHA256 with the Daily key): the id is seen by everyone the room is
 * listed for, so a name made from it alone would give its link away; the hash lets an unused one be given back by the
 * room's id alone.
 */
@ApplicationScoped
@Typed(DailyVideoRoomProvider.class)
public class DailyVideoRoomProvider implements VideoRoomProvider {
    private static final Logger LOG = Logger.getLogger(DailyVideoRoomProvider.class);

    @Inject
    @RestClient
    DailyApi api;
    @Inject
    SchedulingConfig config;

    @Override
    @Timeout(10_000)
    @Retry(maxRetries = 4, delay = 200, jitter = 100, retryOn = TransientDailyFailure.class)
    @ExponentialBackoff(factor = 2, maxDelay = 5_000)
    public Uni<String> createRoom(UUID roomId) {
        String key = config.video().dailyApiKey().orElseThrow();
        DailyRoomRequest request = new DailyRoomRequest(roomName(key, roomId), "public");
        return api.createRoom("Bearer " + key, request)
                .onFailure().transform(DailyVideoRoomProvider::classify)
                .map(room -> {
                    if (room == null || room.url() == null) {
                        throw new VideoRoomUnavailableException("Daily answered without a room url", null);
                    }
                    return room.url();
                });
    }

    private static Throwable classify(Throwable failure) {
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status == 429 || status >= 500) {
                LOG.warnf("Daily answered %d; retrying", status);
                return new TransientDailyFailure("Daily answered " + status, failure);
            }
            return new VideoRoomUnavailableException("Daily refused to create the room (" + status + ")", failure);
        }
        if (failure instanceof ProcessingException || failure instanceof java.io.IOException) {
            LOG.warnf("Daily unreachable (%s); retrying", failure.toString());
            return new TransientDailyFailure("Daily unreachable", failure);
        }
        return failure;
    }

    @Override
    public Uni<Void> releaseRoom(UUID roomId) {
        String key = config.video().dailyApiKey().orElseThrow();
        return api.deleteRoom("Bearer " + key, roomName(key, roomId))
                .onFailure().invoke(f -> LOG.warnf("could not release the unused Daily room of room %s: %s", roomId, f.toString()));
    }

    static String roomName(String key, UUID roomId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] hash = mac.doFinal(roomId.toString().getBytes(StandardCharsets.UTF_8));
            return "schedulr-" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Worth another try; after the last retry it is still a {@link VideoRoomUnavailableException} to the use case. */
    public static class TransientDailyFailure extends VideoRoomUnavailableException {
        public TransientDailyFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
