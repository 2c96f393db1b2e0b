package io.schedulr.calendarsync.config;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The parsed {@code schedulr.google.token-keys}: AES-256 keys by id, the first one current. */
public record TokenKeys(String currentId, Map<String, byte[]> byId) {

    public static TokenKeys parse(String setting) {
        if (setting == null || setting.isBlank()) {
            throw new IllegalStateException("schedulr.google.token-keys (SCHEDULR_GOOGLE_TOKEN_KEYS) is not set: "
                    + "give at least one key as id:base64-of-32-random-bytes (e.g. k1:$(openssl rand -base64 32))");
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String entry : setting.split(",")) {
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException("schedulr.google.token-keys: each key is id:base64, got an entry without an id");
            }
            String id = trimmed.substring(0, colon);
            byte[] key;
            try {
                key = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("schedulr.google.token-keys: key " + id + " is not base64");
            }
            if (key.length != 32) {
                throw new IllegalStateException("schedulr.google.token-keys: key " + id + " has " + key.length + " bytes; AES-256 needs 32");
            }
            if (keys.put(id, key) != null) {
                throw new IllegalStateException("schedulr.google.token-keys: key id " + id + " appears twice");
            }
        }
        return new TokenKeys(keys.keySet().iterator().next(), Map.copyOf(keys));
    }

    public byte[] current() {
        return byId.get(currentId);
    }

    @Override
    public String toString() {
        return "TokenKeys[current=" + currentId + ", ids=" + byId.keySet() + "]";
    }
}
