package io.schedulr.testsupport.calcom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static io.schedulr.testsupport.calcom.CalcomApiContractTest.berlin;
import static io.schedulr.testsupport.calcom.CalcomApiContractTest.bookingJson;
import static io.schedulr.testsupport.calcom.CalcomApiContractTest.eventTypeId;
import static io.schedulr.testsupport.calcom.CalcomApiContractTest.freshMonday;
import static org.assertj.core.api.Assertions.assertThat;

/** A local Cal.com that keeps its bookings in a file (as the local stack's does), stopped and started again. */
class LocalCalcomRestartTest {
    private static final String KEY = CalcomSettings.developmentKey();

    @TempDir
    Path dir;

    @Test
    void bookingsOutliveARestartAndTheirTimesStayTaken() throws Exception {
        Path file = dir.resolve("calcom-state.json");
        Instant start = berlin(freshMonday(), 10, 0);
        String uid;
        long eventTypeId;
        try (LocalCalcom calcom = LocalCalcom.start(0, CalcomSettings.defaults(KEY).withPingOnSubscribe(false), file)) {
            CalcomHttp api = new CalcomHttp(calcom, KEY);
            eventTypeId = eventTypeId(api, calcom.teamId(), 30);
            uid = (String) CalcomHttp.data(api.post("/v2/bookings", LocalCalcom.BOOKINGS_API_VERSION, bookingJson(eventTypeId, start,
                    "grace@candidate.test"))).get("uid");
        }

        try (LocalCalcom again = LocalCalcom.start(0, CalcomSettings.defaults(KEY).withPingOnSubscribe(false), file)) {
            CalcomHttp api = new CalcomHttp(again, KEY);
            Map<String, Object> read = CalcomHttp.data(api.get("/v2/bookings/" + uid, LocalCalcom.BOOKINGS_API_VERSION));
            assertThat(read).containsEntry("status", "accepted").containsEntry("metadata", Map.of("interviewId", "iv-42"));
            assertThat(api.post("/v2/bookings", LocalCalcom.BOOKINGS_API_VERSION, bookingJson(eventTypeId, start, "next@candidate.test"))
                    .statusCode()).as("its time is still taken").isEqualTo(400);
            assertThat(api.post("/v2/bookings/" + uid + "/cancel", LocalCalcom.BOOKINGS_API_VERSION,
                    "{\"cancellationReason\":\"Position filled\"}").statusCode()).isEqualTo(200);
        }
    }
}
