package io.schedulr.calendarsync.config;

import io.smallrye.config.ConfigMapping;

import java.util.List;

/** The web app this service signs people in for ({@code schedulr.web.*}; SCHEDULR_WEB_*). */
@ConfigMapping(prefix = "schedulr.web")
public interface WebConfig {
    /** The web app's pages Google may send a signing-in browser back to (each registered at Google as a redirect URI). */
    List<String> signInRedirectUris();

    /** The web app's address: where a browser goes after connecting its calendar. */
    String url();
}
