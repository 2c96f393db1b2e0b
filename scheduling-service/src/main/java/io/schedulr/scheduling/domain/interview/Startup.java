package io.schedulr.scheduling.domain.interview;

import io.schedulr.scheduling.domain.InvalidRequestException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * A company we interview. Its name is unique without regard to case (the store refuses a second one); the website is
 * optional, an http(s) address ({@code acme.io} is taken as {@code https://acme.io}).
 */
public record Startup(UUID id, String name, String website) {
    public static final int MAX_WEBSITE = 500;

    public Startup {
        Objects.requireNonNull(id, "id");
        name = PlainText.require(name, "name", PlainText.MAX_NAME);
        website = website(website);
    }

    public static Startup create(String name, String website) {
        return new Startup(UUID.randomUUID(), name, website);
    }

    public Startup rename(String newName) {
        return new Startup(id, newName, website);
    }

    /** Sets the website, or with null (or blank) removes it. */
    public Startup withWebsite(String newWebsite) {
        return new Startup(id, name, newWebsite);
    }

    public boolean hasName(String other) {
        return other != null && name.toLowerCase(Locale.ROOT).equals(other.strip().toLowerCase(Locale.ROOT));
    }

    private static String website(String value) {
        String text = PlainText.optional(value, "website", MAX_WEBSITE);
        if (text == null) {
            return null;
        }
        String candidate = text.contains("://") ? text : "https://" + text;
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getHost().contains(".")
                    && uri.getUserInfo() == null && !candidate.contains(" ")) {
                return candidate;
            }
        } catch (URISyntaxException ignored) {
            // answered below
        }
        throw new InvalidRequestException("invalid_website", "'website' is a web address such as https://example.com.");
    }
}
