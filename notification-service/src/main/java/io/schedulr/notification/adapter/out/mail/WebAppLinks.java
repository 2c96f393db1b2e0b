package io.schedulr.notification.adapter.out.mail;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The web app's pages the mails link to, under its address ({@code schedulr.web.url}, SCHEDULR_WEB_URL, the same setting
 * calendar-sync-service sends browsers back to). The links carry no token: opening one asks the person to sign in first.
 * Made at start, so a wrong address stops the service there rather than failing every mail.
 */
@Startup
@ApplicationScoped
public class WebAppLinks {
    private final String root;

    public WebAppLinks(@ConfigProperty(name = "schedulr.web.url") String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("schedulr.web.url (SCHEDULR_WEB_URL) is not a URL: " + url, e);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawFragment() != null || uri.getRawQuery() != null) {
            throw new IllegalArgumentException("schedulr.web.url (SCHEDULR_WEB_URL) must be the web app's http(s) address, "
                    + "without query or fragment, e.g. https://schedulr.example.com/; it is: " + url);
        }
        String text = uri.toString();
        this.root = text.endsWith("/") ? text : text + "/";
    }

    /** The person's sessions. */
    String sessions() {
        return root + "#/sessions";
    }

    /** One interview's page (team members only). */
    String interview(String interviewId) {
        return root + "#/interviews/" + URLEncoder.encode(interviewId, StandardCharsets.UTF_8);
    }

    /** Where a person chooses when they are reminded. */
    String reminders() {
        return root + "#/reminders";
    }
}
