package io.schedulr.testsupport.calcom;

import org.jose4j.json.JsonUtil;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** Plain HTTP against a local Cal.com, as any client would call Cal.com: key, version header, JSON. */
final class CalcomHttp {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final LocalCalcom calcom;
    private final String key;

    CalcomHttp(LocalCalcom calcom, String key) {
        this.calcom = calcom;
        this.key = key;
    }

    HttpResponse<String> get(String path, String version) throws Exception {
        return send(request(path, version).GET());
    }

    HttpResponse<String> post(String path, String version, String json) throws Exception {
        return send(request(path, version).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> control(String route, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(calcom.url() + "/_control/" + route));
        return send(json == null ? request.GET() : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path, String version) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(calcom.url() + path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (version != null) {
            request.header("cal-api-version", version);
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, Object> json(HttpResponse<String> response) throws Exception {
        return JsonUtil.parseJson(response.body());
    }

    static Map<String, Object> json(String body) throws Exception {
        return JsonUtil.parseJson(body);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> data(HttpResponse<String> response) throws Exception {
        return (Map<String, Object>) json(response).get("data");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> dataList(HttpResponse<String> response) throws Exception {
        return (List<Map<String, Object>>) json(response).get("data");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
