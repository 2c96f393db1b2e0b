package io.schedulr.scheduling.domain.interview;

import java.net.URI;
import java.util.Locale;

/** Cal.com's location names and meeting links → the provider we show beside the join link. */
public final class MeetingProviders {
    private MeetingProviders() {
    }

    /** @param location Cal.com's location (e.g. {@code integrations:daily}); may be null */
    public static String of(String location, String url) {
        if (location != null) {
            String l = location.toLowerCase(Locale.ROOT);
            if (l.contains("daily")) {
                return "cal-video";
            }
            if (l.contains("google") && l.contains("meet")) {
                return "google-meet";
            }
            if (l.contains("zoom")) {
                return "zoom";
            }
            if (l.contains("office365") || l.contains("teams")) {
                return "ms-teams";
            }
        }
        if (url == null) {
            return null;
        }
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return "link";
        }
        host = host == null ? "" : host.toLowerCase(Locale.ROOT);
        if (host.equals("meet.google.com")) {
            return "google-meet";
        }
        if (host.endsWith("zoom.us")) {
            return "zoom";
        }
        if (host.endsWith("teams.microsoft.com")) {
            return "ms-teams";
        }
        if (host.endsWith("cal.com") || host.endsWith("daily.co") || url.contains("/video/")) {
            return "cal-video";
        }
        return "link";
    }
}
