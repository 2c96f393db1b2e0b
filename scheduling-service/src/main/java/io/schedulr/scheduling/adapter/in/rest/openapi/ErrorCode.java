package io.schedulr.scheduling.adapter.in.rest.openapi;

import io.schedulr.kit.openapi.DocumentedError;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every error code scheduling-service answers over HTTP, with its status and an example message, beyond service-kit's
 * {@link io.schedulr.kit.openapi.CommonError}: the catalog the OpenAPI document's error examples are made from
 * ({@link ErrorResponsesFilter}). The codes themselves are thrown where the rule
 * lives (domain, use cases, request parsing, the exception mappers of this adapter and of service-kit); a test checks that
 * each code written in the sources is listed here or there and that each listed one is in the document.
 */
public enum ErrorCode implements DocumentedError {
    // 400: the request itself is wrong (service-kit's JSON mappers, CommonError, come first; then this service's checks)
    INVALID_FIELD(400, "invalid_field", "Field 'datetimeUtc' has the wrong type."),
    INVALID_DATETIME(400, "invalid_datetime", "'datetimeUtc' must be an ISO-8601 date-time with an offset, e.g. 2030-01-01T10:00:00Z; got 'tomorrow'."),
    DATETIME_IN_PAST(400, "datetime_in_past", "The start must be in the future; got 2001-01-01T00:00:00Z."),
    DATETIME_OUT_OF_RANGE(400, "datetime_out_of_range", "'datetimeUtc' must be a time from 1970 on and at most 1826 days ahead."),
    INVALID_ROOM_ID(400, "invalid_room_id", "'42' is not a room id (a UUID)."),
    INVALID_SLOT_ID(400, "invalid_slot_id", "'nope' is not a slot id (a UUID)."),
    INVALID_INTERVIEW_ID(400, "invalid_interview_id", "'nope' is not an interview id (a UUID)."),
    INVALID_STARTUP_ID(400, "invalid_startup_id", "'nope' is not a startup id (a UUID)."),
    INVALID_TEAM_MEMBER_ID(400, "invalid_team_member_id", "'nope' is not a team member id (a UUID)."),
    INVALID_CONTACT_PATH_ID(400, "invalid_contact_id", "'nope' is not a contact id (a UUID)."),
    INVALID_HOST_ID(400, "invalid_hostId", "'hostId' size must be between 0 and 255."),
    INVALID_DATETIME_UTC(400, "invalid_datetimeUtc", "'datetimeUtc' size must be between 0 and 64."),
    INVALID_ROOM_ID_FIELD(400, "invalid_roomId", "'roomId' size must be between 0 and 64."),
    INVALID_GUEST_ID(400, "invalid_guestId", "'guestId' size must be between 0 and 255."),
    INVALID_START_TS(400, "invalid_startTs", "'startTs' size must be between 0 and 64."),
    INVALID_END_TS(400, "invalid_endTs", "'endTs' size must be between 0 and 64."),
    INVALID_OFFER_TO(400, "invalid_offer_to", "A room cannot be offered to its own host."),
    INVALID_STAGE(400, "invalid_stage", "The stage is at most 200 characters, without control, invisible or direction characters."),
    OFFER_NEEDS_PRIVATE_ROOM(400, "offer_needs_private_room", "Only a private room is offered to one person; a public one is open to all."),
    BOOKING_CHANGES_ONLY_STAGE(400, "booking_changes_only_stage",
            "A booking (guestId) can set the stage, not the time, privacy or offer; send those separately."),
    NOTHING_TO_UPDATE(400, "nothing_to_update", "Give at least one of guestId, datetimeUtc, private, offerTo, stage."),
    UNKNOWN_PARAMETER(400, "unknown_parameter", "Query parameter 'limt' is not part of this request; it takes fitsMyCalendar, limit, offset, scope."),
    INVALID_SCOPE(400, "invalid_scope", "'scope' is 'open', 'mine' or 'past'; got 'everything'."),
    INVALID_LIMIT(400, "invalid_limit", "'limit' is a number from 1 to 100."),
    INVALID_OFFSET(400, "invalid_offset", "'offset' is a number from 0 to 2147483647."),
    INVALID_STATUS(400, "invalid_status", "'status' is open, booked or cancelled."),
    INVALID_FITS_MY_CALENDAR(400, "invalid_fitsMyCalendar", "'fitsMyCalendar' is true or false."),
    INVALID_FITS_CALENDARS(400, "invalid_fitsCalendars", "'fitsCalendars' is true or false."),
    INVALID_MINE(400, "invalid_mine", "'mine' is true or false."),
    INVALID_ALLOW_CONFLICTS(400, "invalid_allowConflicts", "'allowConflicts' is true or false."),
    INVALID_REMINDER_MINUTES(400, "invalid_reminderMinutes", "'reminderMinutes' holds at most 3 reminders."),
    INVALID_REMINDER_CHANNEL(400, "invalid_reminderChannel", "'reminderChannel' is required: email or popup."),
    INVALID_RANGE(400, "invalid_range", "'to' must not be before 'from'."),
    NO_SLOTS(400, "no_slots", "Give one slot {startTs, endTs} or a list of them."),
    TOO_MANY_SLOTS(400, "too_many_slots", "At most 100 slots at once."),
    END_BEFORE_START(400, "end_before_start", "The end must be after the start."),
    INVALID_SLOT_LENGTH(400, "invalid_slot_length", "A slot lasts from 15 to 480 minutes; this one lasts 5."),
    INVALID_Q(400, "invalid_q", "'q' is at most 200 characters on one line, without control characters."),
    INVALID_INCLUDE_INACTIVE(400, "invalid_include_inactive", "'includeInactive' is true or false."),
    INVALID_NAME(400, "invalid_name", "'name' is required."),
    INVALID_EMAIL(400, "invalid_email", "'email' is not an email address: 'nobody'."),
    INVALID_ROLE(400, "invalid_role", "'role' is required."),
    INVALID_ACTIVE(400, "invalid_active", "'active' cannot be null; leave it out to keep it."),
    INVALID_COMPANY(400, "invalid_company", "'company' size must be between 0 and 200."),
    INVALID_WEBSITE(400, "invalid_website", "'website' must be an http(s) address."),
    INVALID_CALCOM_USER_ID(400, "invalid_calcom_user_id", "'calcomUserId' is a Cal.com user id (a positive number)."),
    INACTIVE_TEAM_MEMBER(400, "inactive_team_member", "Ada Lovelace is no longer an active team member."),
    INVALID_STARTUP_ID_FIELD(400, "invalid_startupId", "'startupId' is required."),
    INVALID_CONTACT_ID(400, "invalid_contactId", "That contact is not at the chosen startup."),
    INVALID_CONTACT(400, "invalid_contact", "Send either 'contactId' or 'newContact' {name, email, role}."),
    INVALID_PRIMARY_MEMBER_ID(400, "invalid_primaryMemberId", "'primaryMemberId' is required: who leads the interview."),
    INVALID_ADDITIONAL_MEMBER_IDS(400, "invalid_additionalMemberIds", "At most 10 additional members."),
    INVALID_EVENT_TYPE_ID(400, "invalid_eventTypeId", "'eventTypeId' is a Cal.com event type id (a positive number)."),
    INVALID_CUSTOM_DURATION_MINUTES(400, "invalid_customDurationMinutes", "'30 min interview' can be booked for 30, 45, 60, 90 minutes."),
    INVALID_LENGTH_IN_MINUTES(400, "invalid_lengthInMinutes", "'30 min interview' can be booked for 30, 45, 60, 90 minutes, not 50."),
    INVALID_START(400, "invalid_start", "The start must be in the future."),
    INVALID_GUESTS(400, "invalid_guests", "'guests' is required (an empty list for none)."),
    INVALID_GUESTS_NAME(400, "invalid_guests.name", "'guests.name' is required."),
    INVALID_GUESTS_EMAIL(400, "invalid_guests.email", "'guests.email' is not an email address: 'g@'."),
    INVALID_GUESTS_ROLE(400, "invalid_guests.role", "'guests.role' is at most 100 characters, without control characters."),
    INVALID_GUESTS_COMPANY(400, "invalid_guests.company", "'guests.company' is at most 200 characters, without control characters."),
    DUPLICATE_GUEST(400, "duplicate_guest", "'g@x.test' is listed twice among the guests."),
    INVALID_PREP_NOTES(400, "invalid_prepNotes", "Preparation notes are at most 20000 characters, without control characters other than line breaks and tabs."),
    INVALID_CUSTOM_QUESTIONS(400, "invalid_customQuestions", "'customQuestions' holds an empty entry."),
    INVALID_TIME_ZONE(400, "invalid_timeZone", "'Mars/Olympus' is not a time zone (use an IANA zone such as Europe/Berlin)."),
    INVALID_TO(400, "invalid_to", "'to' must be after 'from', at most 62 days later."),
    INVALID_REASON(400, "invalid_reason", "'reason' is at most 500 characters on one line, without control characters."),
    // 403: signed in, but not allowed; the first three for any token without a usable address (service-kit CurrentCaller)
    EMAIL_REQUIRED(403, "email_required", "Your sign-in carries no email address; invitations need one."),
    EMAIL_UNVERIFIED(403, "email_unverified", "Your email address is not verified by your sign-in provider."),
    EMAIL_UNUSABLE(403, "email_unusable", "Invitations cannot be sent to the email address of your sign-in."),
    CALENDAR_NOT_CONNECTED(403, "calendar_not_connected", "Please connect your Google Calendar first: sessions are booked into it. "
            + "Until then you can look around, cancel and delete, but not create, book or change sessions."),
    HOST_MUST_BE_CALLER(403, "host_must_be_caller", "You can only create rooms you host yourself."),
    CANNOT_BOOK_FOR_SOMEONE_ELSE(403, "cannot_book_for_someone_else", "You can only book a room for yourself."),
    NOT_ROOM_HOST(403, "not_room_host", "Only the room's host can do this."),
    NOT_ROOM_GUEST(403, "not_room_guest", "Only the room's guest can release its booking."),
    NOT_ROOM_PARTICIPANT(403, "not_room_participant", "Only the host or the guest can set the stage."),
    NOT_SLOT_HOST(403, "not_slot_host", "Only the slot's host can cancel it."),
    ADMIN_ONLY(403, "admin_only", "Only admins may add team members."),
    NOT_INTERVIEW_EDITOR(403, "not_interview_editor", "Only whoever started the interview, its primary interviewer or an admin can change it."),
    NOT_INTERVIEW_SENDER(403, "not_interview_sender", "Only who sent this interview (the Cal.com booking is theirs) and admins may cancel it; ask them."),
    // 404: what the request names does not exist, or the caller may not see it
    ROOM_NOT_FOUND(404, "room_not_found", "No practice room 3f6c2a9e-1b7d-4c5e-9a8f-2d4b6c8e0f12."),
    SLOT_NOT_FOUND(404, "slot_not_found", "No slot 7d1e5b3a-9c2f-4e8d-b6a4-1f3c5e7a9b20."),
    INTERVIEW_NOT_FOUND(404, "interview_not_found", "No interview 0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d."),
    STARTUP_NOT_FOUND(404, "startup_not_found", "No startup 5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d."),
    CONTACT_NOT_FOUND(404, "contact_not_found", "No contact 9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b."),
    TEAM_MEMBER_NOT_FOUND(404, "team_member_not_found", "No team member 1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f."),
    EVENT_TYPE_NOT_FOUND(404, "event_type_not_found", "Cal.com offers no event type 4242."),
    CALCOM_NOT_FOUND(404, "calcom_not_found", "Cal.com has no such event type."),
    // 409: clashes with what exists or with a change made at the same moment
    ROOM_ALREADY_BOOKED(409, "room_already_booked", "Practice room 3f6c2a9e-1b7d-4c5e-9a8f-2d4b6c8e0f12 is already booked."),
    CALENDAR_CONFLICT(409, "calendar_conflict", "This time clashes with something already in your calendar (1 clash); pick "
            + "another time, or send allowConflicts: true to ignore your own calendar. The answer also lists the clashing times, "
            + "\"conflicts\": [{\"start\", \"end\"}], and \"ownCalendarOnly\": false when someone else taking part is busy "
            + "then (allowConflicts cannot help)."),
    CHANGED_CONCURRENTLY(409, "changed_concurrently", "This was changed by someone else just now; reload and try again."),
    SLOT_OVERLAPS(409, "slot_overlaps", "These times overlap another open slot of yours."),
    SLOT_NOT_OPEN(409, "slot_not_open", "This slot is no longer open."),
    STARTUP_NAME_TAKEN(409, "startup_name_taken", "A startup named 'Robo Labs' exists already."),
    CONTACT_EMAIL_TAKEN(409, "contact_email_taken", "This startup has a contact with that address already."),
    STARTUP_IN_USE(409, "startup_in_use", "2 interviews name Robo Labs or one of its contacts, so it stays; correct its name or website instead."),
    CONTACT_IN_USE(409, "contact_in_use", "Zoe Founder is named by 1 interview (as its contact or a guest), so they stay; correct their "
            + "address or role instead."),
    TEAM_MEMBER_EMAIL_TAKEN(409, "team_member_email_taken", "Another team member has this email address."),
    TEAM_MEMBER_CALCOM_USER_TAKEN(409, "team_member_calcom_user_taken", "Another team member is linked to this Cal.com user."),
    INTERVIEW_NOT_DRAFT(409, "interview_not_draft", "This interview was sent already; its steps can no longer change."),
    INTERVIEW_BEING_SENT(409, "interview_being_sent", "This interview is being sent right now; look again in a moment."),
    INTERVIEW_NOT_SENT(409, "interview_not_sent", "This interview was never sent, so there is no booking to cancel."),
    INTERVIEW_CANCELLED(409, "interview_cancelled", "This interview is cancelled."),
    INTERVIEW_OVER(409, "interview_over", "This interview is over (it ended at 2030-09-05T08:30:00Z), so it can no longer be moved; "
            + "start a new interview for another meeting."),
    INTERVIEW_AWAITING_NEW_TIME(409, "interview_awaiting_new_time", "The host asked on Cal.com for another time; move the interview "
            + "to a new time first, then change its guests."),
    INTERVIEW_BOOKED_ON_CALCOM(409, "interview_booked_on_calcom", "This interview was booked on Cal.com directly, which invites its "
            + "people; change its guests on Cal.com."),
    INTERVIEW_CHANGED_ON_CALCOM(409, "interview_changed_on_calcom", "This booking was moved or cancelled on Cal.com a moment ago; "
            + "that change is on its way here. Look at the interview again in a moment."),
    // 422: understood, but the state of things does not allow it
    HOST_CANNOT_BOOK_OWN_ROOM(422, "host_cannot_book_own_room", "You host this room; someone else has to book it."),
    ROOM_IN_PAST(422, "room_in_past", "This session has already started; it can no longer be booked."),
    ROOM_NOT_BOOKED(422, "room_not_booked", "Nobody has booked this room; there is no booking to release."),
    CANNOT_BOOK_OWN_SLOT(422, "cannot_book_own_slot", "You published this slot; someone else has to book it."),
    SLOT_IN_PAST(422, "slot_in_past", "This slot has already started; it can no longer be booked."),
    INTERVIEW_INCOMPLETE(422, "interview_incomplete", "The interview cannot be sent yet; missing team: primaryMemberId."),
    INTERVIEW_START_PASSED(422, "interview_start_passed", "The chosen start has passed; choose another time first."),
    CUSTOM_DURATION_UNAVAILABLE(422, "custom_duration_unavailable", "A custom duration needs an event type that offers it."),
    CALCOM_REJECTED(422, "calcom_rejected", "Cal.com refused: invalid duration."),
    // 429, 5xx: try again later
    CALCOM_RATE_LIMITED(429, "calcom_rate_limited", "Cal.com's rate limit is reached; try again in a minute."),
    VIDEO_PROVIDER_UNAVAILABLE(502, "video_provider_unavailable",
            "The video room could not be created right now; nothing was saved. Please try again."),
    CALCOM_UNAVAILABLE(503, "calcom_unavailable", "Cal.com cannot be reached right now; nothing was changed. Please try again."),
    MAIL_STATUS_UNAVAILABLE(503, "mail_status_unavailable", "What became of the mails cannot be read right now. Please try again.");

    private static final Map<String, ErrorCode> BY_CODE = Arrays.stream(values()).collect(Collectors.toMap(ErrorCode::code, Function.identity()));

    private final Entry entry;

    ErrorCode(int status, String code, String exampleMessage) {
        this.entry = new Entry(status, code, exampleMessage);
    }

    @Override
    public Entry entry() {
        return entry;
    }

    public static Optional<ErrorCode> of(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
