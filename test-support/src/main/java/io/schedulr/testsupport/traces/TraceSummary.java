package io.schedulr.testsupport.traces;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One trace in the list of {@code GET /traces}: its id, the services with spans in it, how many, and its first span. */
public record TraceSummary(String traceId, List<String> services, int spanCount, String firstSpanName, Instant start) {

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("traceId", traceId);
        json.put("services", services);
        json.put("spanCount", spanCount);
        json.put("firstSpanName", firstSpanName);
        json.put("start", start.toString());
        return json;
    }
}
