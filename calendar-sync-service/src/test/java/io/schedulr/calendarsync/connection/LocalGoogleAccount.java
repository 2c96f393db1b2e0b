package io.schedulr.calendarsync.connection;

import io.schedulr.testsupport.TestInfra;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Looks at a person's Google side directly, as Google's own apps would: their token's fate, their calendars, the control API. */
public final class LocalGoogleAccount {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String DEV_CLIENT_ID = "schedulr-local.apps.googleusercontent.com";
    static final String DEV_CLIENT_SECRET = "local-google-development-only";

    private LocalGoogleAccount() {
    }

    /** Google's answer to a refresh with this token. */
    public static HttpResponse<String> refresh(String refreshToken) {
        return send(HttpRequest.newBuilder(URI.create(google() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=" + enc(DEV_CLIENT_ID)
                        + "&client_secret=" + enc(DEV_CLIENT_SECRET) + "&refresh_token=" + enc(refreshToken))).build());
    }

    /** The person's calendar list as JSON. */
    public static String calendarList(String refreshToken) {
        HttpResponse<String> refreshed = refresh(refreshToken);
        String access = refreshed.body().replaceAll(".*\"access_token\" *: *\"([^\"]+)\".*", "$1");
        return send(HttpRequest.newBuilder(URI.create(google() + "/calendar/v3/users/me/calendarList"))
                .header("Authorization", "Bearer " + access).GET().build()).body();
    }

    public static void control(String route, String json) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(google() + "/_control/" + route))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
        if (answer.statusCode() / 100 != 2) {
            throw new AssertionError("control " + route + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String google() {
        return TestInfra.get().issuerUrl();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
