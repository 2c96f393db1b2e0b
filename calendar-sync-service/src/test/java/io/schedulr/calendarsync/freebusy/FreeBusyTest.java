package io.schedulr.calendarsync.freebusy;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.schedulr.calendarsync.connection.ConnectionRows;
import io.schedulr.calendarsync.connection.LocalGoogleAccount;
import io.schedulr.calendarsync.connection.PersonsGoogleCalendar;
import io.schedulr.calendarsync.mirror.MirrorFixturesAccess;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/calendar/free-busy} against the local Google through Google's official client: busy times from the
 * person's primary calendar (made as in Google's own UI) and from their dedicated one, the cache and the push that ends
 * it, Google failing, and people without a connection.
 */
@QuarkusTest
class FreeBusyTest {
    /** A day well ahead, so nothing else of the person's is on it. */
    private static final Instant DAY = LocalDate.now(ZoneOffset.UTC).plusDays(20).atStartOfDay(ZoneOffset.UTC).toInstant();

    @Test
    void busyTimesOnThePrimaryAndTheDedicatedCalendarShowMergedAndClipped() throws Exception {
        TestUser person = Tokens.newUser("Fay Freebusy", "Europe/Berlin");
        MirrorFixturesAccess.connectAndAwaitWatched(person);
        busy(person, DAY.plus(9, ChronoUnit.HOURS), DAY.plus(10, ChronoUnit.HOURS));
        busy(person, DAY.minus(1, ChronoUnit.HOURS), DAY.plus(1, ChronoUnit.HOURS));
        String dedicated = ConnectionRows.connection(person.id()).get("calendar_id");
        PersonsGoogleCalendar.of(person).events().insert(dedicated, new Event().setSummary("Mentoring (private)")
                .setStart(time(DAY.plus(9, ChronoUnit.HOURS).plus(30, ChronoUnit.MINUTES)))
                .setEnd(time(DAY.plus(11, ChronoUnit.HOURS)))).execute();

        Response answer = freeBusy(person, DAY, DAY.plus(1, ChronoUnit.DAYS));

        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        assertThat(answer.jsonPath().getString("status")).isEqualTo("connected");
        assertThat(intervals(answer)).containsExactly(
                List.of(DAY.toString(), DAY.plus(1, ChronoUnit.HOURS).toString()),
                List.of(DAY.plus(9, ChronoUnit.HOURS).toString(), DAY.plus(11, ChronoUnit.HOURS).toString()));
        assertThat(answer.asString()).as("times only").doesNotContain("Mentoring").doesNotContain("Busy (made in Google)")
                .doesNotContain(dedicated);
    }

    @Test
    void aCachedAnswerStaysUntilAGooglePushAboutThePersonsCalendarArrives() {
        TestUser person = Tokens.newUser("Cai Cache", "UTC");
        MirrorFixturesAccess.connectAndAwaitWatched(person);
        Instant from = DAY.plus(2, ChronoUnit.DAYS);
        Instant to = from.plus(8, ChronoUnit.HOURS);
        assertThat(intervals(freeBusy(person, from, to))).isEmpty();

        // Made in Google on the primary calendar, which no channel watches: the cached answer stands.
        busy(person, from.plus(1, ChronoUnit.HOURS), from.plus(2, ChronoUnit.HOURS));
        assertThat(intervals(freeBusy(person, from, to))).as("answered from the cache").isEmpty();

        Map<String, String> channel = ConnectionRows.row("SELECT channel_id, token, resource_id FROM webhook_channels WHERE user_id = ? "
                + "AND status = 'active'", person.id());
        given().header("X-Goog-Channel-ID", channel.get("channel_id")).header("X-Goog-Channel-Token", channel.get("token"))
                .header("X-Goog-Resource-ID", channel.get("resource_id")).header("X-Goog-Resource-State", "exists")
                .header("X-Goog-Message-Number", "7").post("/api/google/webhook").then().statusCode(204);

        assertThat(intervals(freeBusy(person, from, to))).containsExactly(
                List.of(from.plus(1, ChronoUnit.HOURS).toString(), from.plus(2, ChronoUnit.HOURS).toString()));
    }

    @Test
    void googleFailingIs503WithinAFewSecondsAndTheNextQuestionWorksAgain() {
        TestUser person = Tokens.newUser("Gil Glitch", "UTC");
        MirrorFixturesAccess.connectAndAwaitWatched(person);
        Instant from = DAY.plus(4, ChronoUnit.DAYS);
        LocalGoogleAccount.control("fail", "{\"every\": 1, \"status\": 500}");
        Response answer;
        long took;
        try {
            long started = System.nanoTime();
            answer = freeBusy(person, from, from.plus(1, ChronoUnit.DAYS));
            took = (System.nanoTime() - started) / 1_000_000;
        } finally {
            LocalGoogleAccount.control("fail", "{\"count\": 0}");
        }

        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.jsonPath().getString("code")).isEqualTo("google_unavailable");
        assertThat(answer.jsonPath().getString("message")).isNotBlank();
        assertThat(took).as("a booking waits on it: a couple of seconds at most").isLessThan(3_000);

        busy(person, from.plus(3, ChronoUnit.HOURS), from.plus(4, ChronoUnit.HOURS));
        Response again = freeBusy(person, from, from.plus(1, ChronoUnit.DAYS));
        assertThat(again.statusCode()).as(again.asString()).isEqualTo(200);
        assertThat(intervals(again)).hasSize(1);
    }

    @Test
    void someoneWhoNeverConnectedOrDisconnectedIsNotConnected() {
        TestUser never = Tokens.newUser("Nia Never", "UTC");
        Response answer = freeBusy(never, DAY, DAY.plus(1, ChronoUnit.DAYS));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.jsonPath().getString("status")).isEqualTo("not_connected");
        assertThat(answer.jsonPath().getList("busy")).isEmpty();

        TestUser left = Tokens.newUser("Lea Left", "UTC");
        MirrorFixturesAccess.connectAndAwaitWatched(left);
        busy(left, DAY.plus(5, ChronoUnit.HOURS), DAY.plus(6, ChronoUnit.HOURS));
        assertThat(intervals(freeBusy(left, DAY, DAY.plus(1, ChronoUnit.DAYS)))).hasSize(1);
        given().header("Authorization", left.bearer()).delete("/api/calendar/connection").then().statusCode(200);

        Response after = freeBusy(left, DAY, DAY.plus(1, ChronoUnit.DAYS));
        assertThat(after.jsonPath().getString("status")).isEqualTo("not_connected");
        assertThat(after.jsonPath().getList("busy")).as("nothing from the cache of the connection that ended").isEmpty();
    }

    @Test
    void oneCallerNeverSeesAnothersBusyTimes() {
        TestUser ana = Tokens.newUser("Iso Ana", "UTC");
        TestUser ben = Tokens.newUser("Iso Ben", "UTC");
        MirrorFixturesAccess.connectAndAwaitWatched(ana);
        MirrorFixturesAccess.connectAndAwaitWatched(ben);
        busy(ana, DAY.plus(7, ChronoUnit.HOURS), DAY.plus(8, ChronoUnit.HOURS));

        assertThat(intervals(freeBusy(ana, DAY, DAY.plus(1, ChronoUnit.DAYS)))).hasSize(1);
        Response bens = freeBusy(ben, DAY, DAY.plus(1, ChronoUnit.DAYS));
        assertThat(bens.jsonPath().getString("status")).isEqualTo("connected");
        assertThat(intervals(bens)).isEmpty();
    }

    static Response freeBusy(TestUser person, Instant start, Instant end) {
        return given().header("Authorization", person.bearer()).queryParam("start", start.toString()).queryParam("end", end.toString())
                .get("/api/calendar/free-busy");
    }

    static List<List<String>> intervals(Response answer) {
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        List<Map<String, String>> busy = answer.jsonPath().getList("busy");
        return busy.stream().map(b -> List.of(b.get("start"), b.get("end"))).toList();
    }

    /** As if the person made an event in Google's own UI, on their primary calendar. */
    private static void busy(TestUser person, Instant start, Instant end) {
        LocalGoogleAccount.control("busy", "{\"email\": \"" + person.email() + "\", \"start\": \"" + start + "\", \"end\": \"" + end + "\"}");
    }

    private static EventDateTime time(Instant instant) {
        return new EventDateTime().setDateTime(new DateTime(instant.toEpochMilli())).setTimeZone("UTC");
    }
}
