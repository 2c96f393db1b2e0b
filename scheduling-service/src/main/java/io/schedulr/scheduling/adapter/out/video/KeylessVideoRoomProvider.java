package io.schedulr.scheduling.adapter.out.video;

import io.schedulr.scheduling.application.port.out.VideoRoomProvider;
import io.smallrye.mutiny.Uni;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/** The default when no Daily key is configured: an unguessable public meeting link (Jitsi Meet by default). */
public class KeylessVideoRoomProvider implements VideoRoomProvider {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final String baseUrl;

    public KeylessVideoRoomProvider(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public Uni<String> createRoom(UUID roomId) {
        byte[] secret = new byte[12];
        RANDOM.nextBytes(secret);
        return Uni.createFrom().item(baseUrl + "/schedulr-" + HexFormat.of().formatHex(secret));
    }

    @Override
    public Uni<Void> releaseRoom(UUID roomId) {
        return Uni.createFrom().voidItem();
    }
}
