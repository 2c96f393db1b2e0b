package io.schedulr.scheduling.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /api/practice-room/update} body. A present {@code guestId}, even null (meaning "me"), makes it a
 * booking, so the setter notes that it was there: a record cannot tell "absent" from "null".
 */
@Schema(description = "A booking (guestId present, null meaning the caller; only stage may come with it) or an edit of the fields given.")
public class UpdateRoomRequest {
    @Schema(description = "The room to book or change (a UUID).", example = "3f6c2a9e-1b7d-4c5e-9a8f-2d4b6c8e0f12", required = true)
    @Size(max = 64)
    private String roomId;
    @Schema(description = "Present makes the request a booking: null (or the caller's own id) books for the caller.",
            example = "google-oauth2|118263548790123456789", nullable = true)
    @Size(max = 255)
    private String guestId;
    @Schema(hidden = true)
    private boolean booking;
    @Schema(description = "Host only: the new start, ISO-8601 with an offset, in the future.", example = "2030-01-16T15:30:00-05:00")
    @Size(max = 64)
    private String datetimeUtc;
    @Schema(description = "Host only: make the room private (true) or public (false).", example = "true", name = "private")
    private Boolean privateRoom;
    /** Checked by RequestValues, so its error code matches the domain's ({@code invalid_offer_to}). */
    @Schema(description = "Host only, private rooms: the user id of the one person who may see and book it.",
            example = "google-oauth2|118263548790123456789")
    private String offerTo;
    @Schema(description = "Host or guest: free text naming the interview round, at most 200 characters.",
            example = "Round 2: system design")
    @Size(max = 200)
    private String stage;
    @Schema(description = "Booking or reschedule: go ahead although the time clashes with the caller's own calendar "
            + "(their Google calendars and bookings); other people's calendars still count.", example = "false")
    private Boolean allowConflicts;

    public Boolean getAllowConflicts() {
        return allowConflicts;
    }

    public void setAllowConflicts(Boolean allowConflicts) {
        this.allowConflicts = allowConflicts;
    }

    boolean allowsConflicts() {
        return Boolean.TRUE.equals(allowConflicts);
    }

    public String getRoomId() {
        return roomId;
    }

    public void setRoomId(String roomId) {
        this.roomId = roomId;
    }

    public String getGuestId() {
        return guestId;
    }

    public void setGuestId(String guestId) {
        this.guestId = guestId;
        this.booking = true;
    }

    boolean isBooking() {
        return booking;
    }

    public String getDatetimeUtc() {
        return datetimeUtc;
    }

    public void setDatetimeUtc(String datetimeUtc) {
        this.datetimeUtc = datetimeUtc;
    }

    @JsonProperty("private")
    public Boolean getPrivateRoom() {
        return privateRoom;
    }

    @JsonProperty("private")
    public void setPrivateRoom(Boolean privateRoom) {
        this.privateRoom = privateRoom;
    }

    public String getOfferTo() {
        return offerTo;
    }

    public void setOfferTo(String offerTo) {
        this.offerTo = offerTo;
    }

    public String getStage() {
        return stage;
    }

    public void setStage(String stage) {
        this.stage = stage;
    }
}
