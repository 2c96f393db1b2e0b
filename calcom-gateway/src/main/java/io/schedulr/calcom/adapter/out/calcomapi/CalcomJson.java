package io.schedulr.calcom.adapter.out.calcomapi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * Cal.com API v2 bodies as its OpenAPI document names them (only the fields we read; the rest is ignored so a new field
 * at Cal.com breaks nothing). Timestamps stay text here and are parsed with their offsets by {@link CalcomApiClient}:
 * Cal.com writes {@code …Z} and {@code …+02:00}.
 */
public final class CalcomJson {
    private CalcomJson() {
    }

    /** {@code {"status":"success","data":…}}; a list answers its {@code pagination} beside. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Envelope<T>(String status, T data, Pagination pagination) {
    }

    /** What Cal.com says of a page of a list ({@code GET /v2/bookings}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pagination(Boolean hasNextPage) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Me(long id, String username, String email) {
    }

    /** {@code EventTypeOutput_2024_06_14} (users) and {@code TeamEventTypeOutput_2024_06_14} (teamId, hosts, schedulingType). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EventType(long id, String title, String slug, String description, Integer lengthInMinutes,
                            List<Integer> lengthInMinutesOptions, Long teamId, String schedulingType, List<Host> hosts, List<User> users,
                            String bookingUrl) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Host(Long userId, String name, String username) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(Long id, String name, String username) {
    }

    /** One slot of {@code GET /v2/slots?format=range}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Slot(String start, String end) {
    }

    /** {@code BookingOutput_2024_08_13}, served under cal-api-version 2026-02-25. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Booking(long id, String uid, String title, String status, String start, String end, Long eventTypeId, String meetingUrl,
                          String location, String createdAt, String icsUid, String rescheduledFromUid, String rescheduledToUid,
                          String cancellationReason,
                          String cancelledByEmail, String rescheduledByEmail, List<Person> hosts, List<Person> attendees, List<String> guests,
                          Map<String, Object> metadata) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Person(String name, String email, String timeZone) {
    }

    /** {@code CreateBookingInput_2024_08_13}: by event type id, {@code start} in UTC. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreateBooking(String start, long eventTypeId, Attendee attendee, List<String> guests, Integer lengthInMinutes,
                                Map<String, String> metadata) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attendee(String name, String email, String timeZone, String language) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cancel(String cancellationReason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reschedule(String start, String reschedulingReason) {
    }
}
