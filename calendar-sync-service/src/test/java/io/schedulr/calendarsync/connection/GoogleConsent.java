package io.schedulr.calendarsync.connection;

import io.restassured.http.ContentType;
import io.schedulr.testsupport.TestUser;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The browser's part of connecting: ask our service for the consent URL, let the local Google answer, read the redirect. */
public final class GoogleConsent {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private GoogleConsent() {
    }

    public static String consentUrl(TestUser user) {
        return given().header("Authorization", user.bearer()).accept(ContentType.JSON)
                .when().get("/api/auth/google/start")
                .then().statusCode(200).extract().jsonPath().getString("url");
    }

    /** As the web app starts it for someone whose token states no zone: with the browser's. */
    public static String consentUrl(TestUser user, String timeZone) {
        return given().header("Authorization", user.bearer()).accept(ContentType.JSON).queryParam("timeZone", timeZone)
                .when().get("/api/auth/google/start")
                .then().statusCode(200).extract().jsonPath().getString("url");
    }

    /** Where Google sends the browser back: the callback's query parameters (code and state, or error and state). */
    public static Map<String, String> consent(TestUser user, String knobs) {
        return redirectOf(consentUrl(user) + knobs);
    }

    public static Map<String, String> redirectOf(String consentUrl) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(consentUrl)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 302) {
                throw new AssertionError("the local Google did not redirect: " + answer.statusCode() + " " + answer.body());
            }
            return query(URI.create(answer.headers().firstValue("Location").orElseThrow()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
