package io.schedulr.scheduling.slots;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.restassured.RestAssured.given;

final class SlotApi {
    /** Fixed once, so slots laid side by side in one test stay side by side even if the clock passes an hour. */
    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.HOURS);

    private SlotApi() {
    }

    /** A whole hour some days ahead, plus {@code hourOffset} hours, so tests can lay slots side by side. */
    static Instant at(int days, int hourOffset) {
        return BASE.plus(days, ChronoUnit.DAYS).plus(hourOffset, ChronoUnit.HOURS);
    }

    static String window(Instant start, Instant end) {
        return "{\"startTs\":\"" + start + "\",\"endTs\":\"" + end + "\"}";
    }

    static ValidatableResponse publish(TestUser host, String body) {
        return given().header("Authorization", host.bearer()).contentType(ContentType.JSON).body(body).post("/api/slots").then();
    }

    static String publishOne(TestUser host, Instant start, Instant end) {
        return publish(host, window(start, end)).statusCode(201).extract().path("[0].id");
    }

    static ValidatableResponse list(TestUser viewer, String query) {
        return given().header("Authorization", viewer.bearer()).get("/api/slots" + query).then();
    }

    static ValidatableResponse book(TestUser guest, String slotId) {
        return given().header("Authorization", guest.bearer()).post("/api/slots/" + slotId + "/book").then();
    }

    static ValidatableResponse cancel(TestUser host, String slotId) {
        return given().header("Authorization", host.bearer()).delete("/api/slots/" + slotId).then();
    }

    /** A host's one-hour slot on day {@code days}, booked by a new guest. */
    record BookedSlot(TestUser host, TestUser guest, String slotId, String roomId) {
    }

    static BookedSlot booked(String hostName, int days) {
        TestUser host = Tokens.newUser(hostName, "UTC");
        TestUser guest = Tokens.newUser("Guest", "UTC");
        String slot = publishOne(host, at(days, 0), at(days, 1));
        return new BookedSlot(host, guest, slot, book(guest, slot).statusCode(200).extract().path("id"));
    }
}
