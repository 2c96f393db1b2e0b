package io.schedulr.scheduling.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/practice-room/update} body. A present {@code guestId}, even null (meaning "me"), makes it a
 * booking, so the setter notes that it was there: a record cannot tell "absent" from "null".
 */
public class UpdateRoomRequest {
    @Size(max = 64)
    private String roomId;
    @Size(max = 255)
    private String guestId;
    private boolean booking;
    @Size(max = 64)
    private String datetimeUtc;
    private Boolean privateRoom;
    /** Checked by RequestValues, so its error code matches the domain's ({@code invalid_offer_to}). */
    private String offerTo;
    @Size(max = 200)
    private String stage;

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
