package io.schedulr.testsupport.google;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The local Google's control API, by plain HTTP. */
final class Control {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Control() {
    }

    static HttpResponse<String> post(LocalGoogle google, String route, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(google.url() + "/_control/" + route))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(LocalGoogle google, String routeAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(google.url() + "/_control/" + routeAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
