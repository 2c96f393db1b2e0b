package io.schedulr.testsupport.google;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.CalendarListEntry;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventAttendee;
import com.google.api.services.calendar.model.EventDateTime;
import com.google.api.services.calendar.model.EventReminder;
import com.google.api.services.calendar.model.Events;
import com.google.api.services.calendar.model.FreeBusyRequest;
import com.google.api.services.calendar.model.FreeBusyRequestItem;
import com.google.api.services.calendar.model.FreeBusyResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The official google-api-services-calendar client against the local Google's Calendar API v3. */
class GoogleCalendarContractTest {
    private static LocalGoogle google;

    @BeforeAll
    static void start() throws Exception {
        google = LocalGoogle.start(0, RegisteredClient.development());
    }

    @AfterAll
    static void stop() {
        google.close();
    }

    @Test
    void aSecondaryCalendarIsListedForItsOwnerOnlyAndCanBeDeleted() throws Exception {
        ConnectedUser alice = ConnectedUser.connect(google);
        com.google.api.services.calendar.model.Calendar created = alice.calendar().calendars()
                .insert(new com.google.api.services.calendar.model.Calendar().setSummary("Schedulr Meetings").setTimeZone("Europe/Berlin"))
                .execute();
        assertThat(created.getId()).endsWith("@group.calendar.google.com");

        List<CalendarListEntry> list = alice.calendar().calendarList().list().execute().getItems();
        assertThat(list).extracting(CalendarListEntry::getSummary).containsExactlyInAnyOrder(alice.email(), "Schedulr Meetings");
        assertThat(list).filteredOn(e -> Boolean.TRUE.equals(e.getPrimary())).singleElement()
                .extracting(CalendarListEntry::getId).isEqualTo(alice.email());
        assertThat(alice.calendar().calendars().get(created.getId()).execute().getTimeZone()).isEqualTo("Europe/Berlin");

        ConnectedUser bob = ConnectedUser.connect(google);
        assertGoogleError(() -> bob.calendar().calendars().get(created.getId()).execute(), 404, "notFound");
        assertGoogleError(() -> bob.calendar().events().list(created.getId()).execute(), 404, "notFound");

        alice.calendar().calendars().delete(created.getId()).execute();
        assertGoogleError(() -> alice.calendar().calendars().get(created.getId()).execute(), 404, "notFound");
    }

    @Test
    void eventsInsertGetPatchUpdateListAndDeleteAsGoogleDoes() throws Exception {
        ConnectedUser host = ConnectedUser.connect(google);
        String calendarId = secondaryCalendar(host);
        String uid = "room-" + UUID.randomUUID() + "@schedulr.io";
        Event inserted = host.calendar().events().insert(calendarId, event(uid, "2030-01-15T10:00:00Z", "2030-01-15T11:00:00Z")
                .setAttendees(List.of(new EventAttendee().setEmail("guest@example.com")))
                .setExtendedProperties(new Event.ExtendedProperties().setPrivate(Map.of("schedulrRoomId", "room-1",
                        "k".repeat(45), "dropped because the key is too long"))))
                .setSendUpdates("all").execute();
        assertThat(inserted.getId()).matches("[a-v0-9]{5,}");
        assertThat(inserted.getICalUID()).isEqualTo(uid);
        assertThat(inserted.getStatus()).isEqualTo("confirmed");
        assertThat(inserted.getSequence()).isZero();
        assertThat(inserted.getAttendees()).singleElement().extracting(EventAttendee::getResponseStatus).isEqualTo("needsAction");
        assertThat(inserted.getExtendedProperties().getPrivate()).containsOnlyKeys("schedulrRoomId");
        assertThat(inserted.getOrganizer().getEmail()).isEqualTo(calendarId);

        // NetHttpTransport cannot send PATCH: the client tunnels it through POST + X-HTTP-Method-Override.
        Event moved = host.calendar().events().patch(calendarId, inserted.getId(),
                new Event().setStart(time("2030-01-16T10:00:00Z")).setEnd(time("2030-01-16T11:00:00Z"))).execute();
        assertThat(moved.getStart().getDateTime().getValue()).isEqualTo(DateTime.parseRfc3339("2030-01-16T10:00:00Z").getValue());
        assertThat(moved.getSequence()).isEqualTo(1);
        assertThat(moved.getSummary()).as("patch keeps what it does not name").isEqualTo("Practice session");
        assertThat(moved.getExtendedProperties().getPrivate()).containsEntry("schedulrRoomId", "room-1");

        Event updated = host.calendar().events().update(calendarId, inserted.getId(),
                event(null, "2030-01-16T10:00:00Z", "2030-01-16T11:00:00Z").setSummary("Renamed")).execute();
        assertThat(updated.getSummary()).isEqualTo("Renamed");
        assertThat(updated.getExtendedProperties()).as("update replaces everything writable").isNull();
        assertThat(updated.getICalUID()).isEqualTo(uid);

        host.calendar().events().patch(calendarId, inserted.getId(), new Event().setExtendedProperties(
                new Event.ExtendedProperties().setPrivate(Map.of("schedulrRoomId", "room-1")))).execute();
        Event other = host.calendar().events().insert(calendarId, event(null, "2030-02-01T10:00:00Z", "2030-02-01T11:00:00Z")
                .setExtendedProperties(new Event.ExtendedProperties().setPrivate(Map.of("schedulrRoomId", "room-2")))).execute();
        Events byRoom = host.calendar().events().list(calendarId).setPrivateExtendedProperty(List.of("schedulrRoomId=room-1")).execute();
        assertThat(byRoom.getItems()).extracting(Event::getId).containsExactly(inserted.getId());
        Events byUid = host.calendar().events().list(calendarId).setICalUID(uid).execute();
        assertThat(byUid.getItems()).extracting(Event::getId).containsExactly(inserted.getId());
        assertThat(host.calendar().events().get(calendarId, other.getId()).execute().getICalUID()).isEqualTo(other.getId() + "@google.com");

        assertGoogleError(() -> host.calendar().events().insert(calendarId, event(uid, "2030-01-15T10:00:00Z", "2030-01-15T11:00:00Z"))
                .execute(), 409, "duplicate");
        assertGoogleError(() -> host.calendar().events().insert(calendarId,
                event(null, "2030-01-15T10:00:00Z", "2030-01-15T11:00:00Z").setId(other.getId())).execute(), 409, "duplicate");
        assertGoogleError(() -> host.calendar().events().insert(calendarId,
                event(null, "2030-01-15T10:00:00Z", "2030-01-15T11:00:00Z").setId("NOT-BASE32HEX")).execute(), 400, "invalid");
        assertGoogleError(() -> host.calendar().events().insert(calendarId, new Event().setStart(time("2030-01-15T10:00:00Z")))
                .execute(), 400, "required");
        assertGoogleError(() -> host.calendar().events().get(calendarId, "nosuchevent0").execute(), 404, "notFound");

        host.calendar().events().delete(calendarId, inserted.getId()).execute();
        assertThat(host.calendar().events().get(calendarId, inserted.getId()).execute().getStatus()).isEqualTo("cancelled");
        assertGoogleError(() -> host.calendar().events().delete(calendarId, inserted.getId()).execute(), 410, "deleted");
        assertGoogleError(() -> host.calendar().events().insert(calendarId, event(uid, "2030-01-15T10:00:00Z", "2030-01-15T11:00:00Z"))
                .execute(), 409, "duplicate");
        Event restored = host.calendar().events().patch(calendarId, inserted.getId(), new Event().setStatus("confirmed")).execute();
        assertThat(restored.getStatus()).as("a deleted event comes back by patching its status").isEqualTo("confirmed");
        host.calendar().events().delete(calendarId, inserted.getId()).execute();
        assertThat(host.calendar().events().list(calendarId).execute().getItems()).extracting(Event::getId).containsExactly(other.getId());
        assertThat(host.calendar().events().list(calendarId).setShowDeleted(true).execute().getItems()).hasSize(2);
    }

    @Test
    void aWriteConditionalOnAnEtagTheEventNoLongerHasIs412AndChangesNothing() throws Exception {
        ConnectedUser host = ConnectedUser.connect(google);
        String calendarId = secondaryCalendar(host);
        Event read = host.calendar().events().insert(calendarId, event(null, "2030-03-01T10:00:00Z", "2030-03-01T11:00:00Z")).execute();
        Event changed = host.calendar().events().patch(calendarId, read.getId(), new Event().setSummary("Moved by the host"))
                .setRequestHeaders(new HttpHeaders().setIfMatch(read.getEtag())).execute();
        assertThat(changed.getEtag()).as("a write gives the event a new etag").isNotEqualTo(read.getEtag());

        assertGoogleError(() -> host.calendar().events().patch(calendarId, read.getId(), new Event().setStart(time("2030-03-02T10:00:00Z"))
                .setEnd(time("2030-03-02T11:00:00Z"))).setRequestHeaders(new HttpHeaders().setIfMatch(read.getEtag())).execute(), 412,
                "conditionNotMet");
        assertGoogleError(() -> host.calendar().events().update(calendarId, read.getId(), event(null, "2030-03-02T10:00:00Z",
                "2030-03-02T11:00:00Z")).setRequestHeaders(new HttpHeaders().setIfMatch(read.getEtag())).execute(), 412, "conditionNotMet");
        assertGoogleError(() -> host.calendar().events().delete(calendarId, read.getId())
                .setRequestHeaders(new HttpHeaders().setIfMatch(read.getEtag())).execute(), 412, "conditionNotMet");
        Event now = host.calendar().events().get(calendarId, read.getId()).execute();
        assertThat(now.getEtag()).isEqualTo(changed.getEtag());
        assertThat(now.getSummary()).isEqualTo("Moved by the host");
        assertThat(now.getStatus()).isEqualTo("confirmed");

        host.calendar().events().delete(calendarId, read.getId()).setRequestHeaders(new HttpHeaders().setIfMatch(now.getEtag())).execute();
        assertThat(host.calendar().events().get(calendarId, read.getId()).execute().getStatus()).isEqualTo("cancelled");
    }

    @Test
    void incrementalSyncPagesThroughChangesOnlyAndAnExpiredTokenIs410() throws Exception {
        ConnectedUser user = ConnectedUser.connect(google);
        String calendarId = secondaryCalendar(user);
        Calendar.Events events = user.calendar().events();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(events.insert(calendarId, event(null, "2030-03-0" + (i + 1) + "T10:00:00Z", "2030-03-0" + (i + 1) + "T11:00:00Z"))
                    .execute().getId());
        }
        List<Event> full = new ArrayList<>();
        String syncToken = listAll(events, calendarId, null, 2, full);
        assertThat(full).extracting(Event::getId).containsExactlyInAnyOrderElementsOf(ids);

        List<Event> nothing = new ArrayList<>();
        syncToken = listAll(events, calendarId, syncToken, 2, nothing);
        assertThat(nothing).isEmpty();

        events.patch(calendarId, ids.get(1), new Event().setSummary("changed")).execute();
        events.delete(calendarId, ids.get(3)).execute();
        String added = events.insert(calendarId, event(null, "2030-04-01T10:00:00Z", "2030-04-01T11:00:00Z")).execute().getId();
        List<Event> delta = new ArrayList<>();
        String next = listAll(events, calendarId, syncToken, 2, delta);
        assertThat(delta).extracting(Event::getId).containsExactly(ids.get(1), ids.get(3), added);
        assertThat(delta.get(1).getStatus()).isEqualTo("cancelled");
        assertThat(delta.get(1).getStart()).as("a deleted event as Google lists it in a sync: its id and status alone").isNull();
        assertThat(delta.get(1).getSummary()).isNull();
        assertThat(events.list(calendarId).setSyncToken(syncToken).setShowDeleted(true).execute().getItems())
                .filteredOn(e -> e.getId().equals(ids.get(3))).singleElement()
                .satisfies(e -> assertThat(e.getStart()).as("asked for with showDeleted: the whole event").isNotNull());
        assertThat(next).isNotEqualTo(syncToken);

        assertGoogleError(() -> events.list(calendarId).setSyncToken(next).setPrivateExtendedProperty(List.of("a=b")).execute(),
                400, "invalid");
        assertThat(Control.post(google, "expire-sync-tokens", "{}").statusCode()).isEqualTo(200);
        assertGoogleError(() -> events.list(calendarId).setSyncToken(next).execute(), 410, "fullSyncRequired");
    }

    @Test
    void errorsReachTheClientAsGoogleJsonResponseExceptionsWithGooglesReasons() throws Exception {
        ConnectedUser user = ConnectedUser.connect(google);
        Calendar.CalendarList calendarList = user.calendar().calendarList();
        Control.post(google, "fail", "{\"count\":1,\"status\":429}");
        assertGoogleError(() -> calendarList.list().execute(), 429, "rateLimitExceeded");
        Control.post(google, "fail", "{\"count\":1,\"status\":403}");
        assertGoogleError(() -> calendarList.list().execute(), 403, "userRateLimitExceeded");
        Control.post(google, "fail", "{\"count\":1,\"status\":500}");
        assertGoogleError(() -> calendarList.list().execute(), 500, "backendError");
        assertThat(calendarList.list().execute().getItems()).isNotEmpty();

        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(google.url() + "/calendar/v3/users/me/calendarList")).header("Authorization", "Bearer ya29.nonsense").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).contains("invalid_token"));
        assertThat(anonymous.body()).contains("\"code\":401", "\"reason\":\"authError\"", "\"status\":\"UNAUTHENTICATED\"");
    }

    @Test
    void everyNthCallFailsUntilCountZeroClearsIt() throws Exception {
        ConnectedUser user = ConnectedUser.connect(google);
        Calendar.CalendarList calendarList = user.calendar().calendarList();
        HttpResponse<String> set = Control.post(google, "fail", "{\"every\":3,\"status\":429}");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.body()).contains("\"failingEvery\":3", "\"status\":429");
        long[] before = counters();
        try {
            for (int round = 0; round < 3; round++) {
                assertThat(calendarList.list().execute().getItems()).isNotEmpty();
                assertThat(calendarList.list().execute().getItems()).isNotEmpty();
                assertGoogleError(() -> calendarList.list().execute(), 429, "rateLimitExceeded");
            }
            assertThat(Control.get(google, "fail").body()).contains("\"every\":3", "\"status\":429");
            long[] after = counters();
            assertThat(after[0] - before[0]).as("Calendar API calls counted").isEqualTo(9);
            assertThat(after[1] - before[1]).as("of which answered with the injected error").isEqualTo(3);
        } finally {
            assertThat(Control.post(google, "fail", "{\"count\":0}").statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < 6; i++) {
            assertThat(calendarList.list().execute().getItems()).as("call %d after clearing", i + 1).isNotEmpty();
        }

        assertThat(Control.post(google, "fail", "{\"every\":2,\"status\":500}").statusCode()).isEqualTo(200);
        assertThat(calendarList.list().execute().getItems()).isNotEmpty();
        assertGoogleError(() -> calendarList.list().execute(), 500, "backendError");
        Control.post(google, "fail", "{\"count\":1,\"status\":403}");
        assertGoogleError(() -> calendarList.list().execute(), 403, "userRateLimitExceeded");
        assertThat(calendarList.list().execute().getItems()).as("count mode replaced every mode").isNotEmpty();
        assertThat(calendarList.list().execute().getItems()).isNotEmpty();

        assertThat(Control.post(google, "fail", "{\"every\":0,\"status\":429}").statusCode()).isEqualTo(400);
        assertThat(Control.post(google, "fail", "{\"every\":3,\"status\":404}").statusCode()).isEqualTo(400);
        assertThat(Control.post(google, "fail", "{\"every\":3}").statusCode()).isEqualTo(400);
        assertThat(calendarList.list().execute().getItems()).as("refused settings change nothing").isNotEmpty();
    }

    @Test
    void theDelayKnobHoldsTheNextCallsOfOnePersonAndNoOneElses() throws Throwable {
        ConnectedUser slow = ConnectedUser.connect(google);
        ConnectedUser other = ConnectedUser.connect(google);
        assertThat(Control.post(google, "delay", "{\"count\":1,\"millis\":1500,\"email\":\"" + slow.email() + "\"}").statusCode())
                .isEqualTo(200);
        try {
            assertThat(took(() -> other.calendar().calendarList().list().execute())).as("someone else's call").isLessThan(1000);
            assertThat(took(() -> slow.calendar().calendarList().list().execute())).as("the delayed call").isGreaterThanOrEqualTo(1500);
            assertThat(took(() -> slow.calendar().calendarList().list().execute())).as("only the next one").isLessThan(1000);
            assertThat(Control.get(google, "delay").body()).contains("\"count\":0");
        } finally {
            Control.post(google, "delay", "{\"count\":0}");
        }
        assertThat(Control.post(google, "delay", "{\"count\":1}").statusCode()).as("no millis").isEqualTo(400);
        assertThat(Control.post(google, "delay", "{\"count\":1,\"millis\":0}").statusCode()).isEqualTo(400);
    }

    private static long took(org.junit.jupiter.api.function.Executable call) throws Throwable {
        long started = System.nanoTime();
        call.execute();
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** {calls, injected} from {@code GET /_control/fail}. */
    private static long[] counters() throws Exception {
        String body = Control.get(google, "fail").body();
        java.util.regex.Matcher calls = java.util.regex.Pattern.compile("\"calls\":(\\d+)").matcher(body);
        java.util.regex.Matcher injected = java.util.regex.Pattern.compile("\"injected\":(\\d+)").matcher(body);
        assertThat(calls.find() && injected.find()).as("calls and injected in " + body).isTrue();
        return new long[]{Long.parseLong(calls.group(1)), Long.parseLong(injected.group(1))};
    }

    @Test
    void theClientRefreshesOnA401AndGoesOn() throws Exception {
        ConnectedUser user = ConnectedUser.connect(google);
        com.google.auth.oauth2.UserCredentials stale = user.credentials().toBuilder()
                .setAccessToken(new com.google.auth.oauth2.AccessToken("ya29.unknown", new java.util.Date(System.currentTimeMillis() + 3_000_000)))
                .build();
        Calendar calendar = new Calendar.Builder(ConnectedUser.TRANSPORT, ConnectedUser.JSON,
                new com.google.auth.http.HttpCredentialsAdapter(stale)).setRootUrl(google.url() + "/").setApplicationName("test").build();
        assertThat(calendar.calendarList().list().execute().getItems()).isNotEmpty();
        assertThat(stale.getAccessToken().getTokenValue()).isNotEqualTo("ya29.unknown");
    }

    @Test
    void aTokenWithoutACalendarScopeIsRefused() throws Exception {
        Consent consent = new Consent(google, "freebusy-only-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com")
                .with("scope", "openid https://www.googleapis.com/auth/calendar.freebusy");
        String access = GoogleIdentityContractTest.exchange(google, consent.redirectParams(google).get("code"), consent.verifier)
                .getAccessToken();
        Calendar calendar = new Calendar.Builder(ConnectedUser.TRANSPORT, ConnectedUser.JSON,
                request -> request.getHeaders().setAuthorization("Bearer " + access))
                .setRootUrl(google.url() + "/").setApplicationName("test").build();
        assertGoogleError(() -> calendar.calendarList().list().execute(), 403, "insufficientPermissions");
        assertThat(calendar.freebusy().query(new FreeBusyRequest().setTimeMin(DateTime.parseRfc3339("2030-01-01T00:00:00Z"))
                .setTimeMax(DateTime.parseRfc3339("2030-01-02T00:00:00Z")).setItems(List.of(new FreeBusyRequestItem().setId("primary"))))
                .execute().getCalendars()).containsKey("primary");
    }

    @Test
    void afterThePersonRevokesAccessTheRefreshTokenIsInvalidGrant() throws Exception {
        ConnectedUser user = ConnectedUser.connect(google);
        assertThat(user.calendar().calendarList().list().execute().getItems()).isNotEmpty();
        HttpResponse<String> revoked = Control.post(google, "revoke", "{\"email\":\"" + user.email() + "\"}");
        assertThat(revoked.body()).contains("\"revokedGrants\":1");

        // The access token dies with the grant: the client's refresh on the 401 is refused, and the 401 reaches the caller.
        assertGoogleError(() -> user.calendar().calendarList().list().execute(), 401, "authError");
        assertThatThrownBy(user.credentials()::refreshAccessToken)
                .hasMessageContaining("invalid_grant").hasMessageContaining("Token has been expired or revoked.");
    }

    @Test
    void freeBusyShowsBusyTimesOfOwnCalendarsOnly() throws Exception {
        ConnectedUser user = ConnectedUser.connect(google);
        String calendarId = secondaryCalendar(user);
        user.calendar().events().insert(calendarId, event(null, "2030-05-01T10:00:00Z", "2030-05-01T11:00:00Z")).execute();
        user.calendar().events().insert(calendarId, event(null, "2030-05-01T12:00:00Z", "2030-05-01T13:00:00Z")
                .setTransparency("transparent")).execute();
        FreeBusyResponse answer = user.calendar().freebusy().query(new FreeBusyRequest()
                .setTimeMin(DateTime.parseRfc3339("2030-05-01T00:00:00Z")).setTimeMax(DateTime.parseRfc3339("2030-05-02T00:00:00Z"))
                .setItems(List.of(new FreeBusyRequestItem().setId(calendarId), new FreeBusyRequestItem().setId("someone@example.com"))))
                .execute();
        assertThat(answer.getCalendars().get(calendarId).getBusy()).singleElement()
                .satisfies(b -> assertThat(b.getStart().getValue()).isEqualTo(DateTime.parseRfc3339("2030-05-01T10:00:00Z").getValue()));
        assertThat(answer.getCalendars().get("someone@example.com").getErrors()).singleElement()
                .satisfies(e -> assertThat(e.getReason()).isEqualTo("notFound"));
    }

    /** {@code POST /_control/busy}: as if the person made an event in Google — busy over their calendars, on the primary one. */
    @Test
    void theControlApiMakesAPersonBusyOnTheirPrimaryCalendar() throws Exception {
        ConnectedUser user = ConnectedUser.connect(google);
        String dedicated = secondaryCalendar(user);
        assertThat(Control.post(google, "busy", "{\"email\":\"" + user.email()
                + "\",\"start\":\"2030-06-03T09:00:00+02:00\",\"end\":\"2030-06-03T10:30:00+02:00\"}").statusCode()).isEqualTo(200);

        FreeBusyResponse answer = user.calendar().freebusy().query(new FreeBusyRequest()
                .setTimeMin(DateTime.parseRfc3339("2030-06-03T00:00:00Z")).setTimeMax(DateTime.parseRfc3339("2030-06-04T00:00:00Z"))
                .setItems(List.of(new FreeBusyRequestItem().setId(user.email()), new FreeBusyRequestItem().setId(dedicated)))).execute();
        assertThat(answer.getCalendars().get(user.email()).getBusy()).singleElement().satisfies(b -> {
            assertThat(b.getStart().getValue()).isEqualTo(DateTime.parseRfc3339("2030-06-03T07:00:00Z").getValue());
            assertThat(b.getEnd().getValue()).isEqualTo(DateTime.parseRfc3339("2030-06-03T08:30:00Z").getValue());
        });
        assertThat(answer.getCalendars().get(dedicated).getBusy()).as("nothing on the dedicated calendar").isEmpty();

        assertThat(Control.post(google, "busy", "{\"email\":\"" + user.email()
                + "\",\"start\":\"2030-06-03T10:00:00Z\",\"end\":\"2030-06-03T09:00:00Z\"}").statusCode()).isEqualTo(400);
        assertThat(Control.post(google, "busy", "{\"email\":\"" + user.email() + "\",\"start\":\"tomorrow\",\"end\":\"later\"}")
                .statusCode()).isEqualTo(400);
    }

    /** What Google does with {@code reminders}: kept as sent, the calendar's defaults when none are sent, refused when contradictory. */
    @Test
    void remindersAreKeptAsSentAndAreTheCalendarsDefaultsOnlyWhenNoneAreSent() throws Exception {
        ConnectedUser user = ConnectedUser.connect(google);
        String calendarId = secondaryCalendar(user);
        Event.Reminders popups = new Event.Reminders().setUseDefault(false).setOverrides(List.of(
                new EventReminder().setMethod("popup").setMinutes(1440), new EventReminder().setMethod("popup").setMinutes(15)));

        Event own = user.calendar().events().insert(calendarId, event(null, "2030-07-01T10:00:00Z", "2030-07-01T11:00:00Z")
                .setReminders(popups)).execute();
        Event read = user.calendar().events().get(calendarId, own.getId()).execute();
        assertThat(read.getReminders().getUseDefault()).isFalse();
        assertThat(read.getReminders().getOverrides()).extracting(EventReminder::getMethod, EventReminder::getMinutes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("popup", 1440), org.assertj.core.groups.Tuple.tuple("popup", 15));

        Event plain = user.calendar().events().insert(calendarId, event(null, "2030-07-02T10:00:00Z", "2030-07-02T11:00:00Z")).execute();
        assertThat(plain.getReminders().getUseDefault()).isTrue();
        assertThat(plain.getReminders().getOverrides()).isNull();

        // update replaces everything: without reminders the event is back on the defaults; with them they are kept
        Event updated = user.calendar().events().update(calendarId, own.getId(), event(null, "2030-07-01T10:00:00Z", "2030-07-01T11:30:00Z"))
                .execute();
        assertThat(updated.getReminders().getUseDefault()).isTrue();
        updated = user.calendar().events().update(calendarId, own.getId(), event(null, "2030-07-01T10:00:00Z", "2030-07-01T11:30:00Z")
                .setReminders(popups)).execute();
        assertThat(updated.getReminders().getOverrides()).hasSize(2);
        // patch: the overrides list is replaced as a whole
        Event patched = user.calendar().events().patch(calendarId, own.getId(), new Event().setReminders(new Event.Reminders()
                .setUseDefault(false).setOverrides(List.of(new EventReminder().setMethod("popup").setMinutes(5))))).execute();
        assertThat(patched.getReminders().getOverrides()).extracting(EventReminder::getMinutes).containsExactly(5);
        assertThat(user.calendar().events().get(calendarId, own.getId()).execute().getReminders().getOverrides())
                .extracting(EventReminder::getMinutes).containsExactly(5);

        assertGoogleError(() -> user.calendar().events().insert(calendarId, event(null, "2030-07-03T10:00:00Z", "2030-07-03T11:00:00Z")
                .setReminders(new Event.Reminders().setUseDefault(true).setOverrides(List.of(new EventReminder().setMethod("popup")
                        .setMinutes(10))))).execute(), 400, "cannotUseDefaultRemindersAndSpecifyOverride");
        assertGoogleError(() -> user.calendar().events().insert(calendarId, event(null, "2030-07-03T10:00:00Z", "2030-07-03T11:00:00Z")
                .setReminders(new Event.Reminders().setUseDefault(false).setOverrides(List.of(new EventReminder().setMethod("sms")
                        .setMinutes(10))))).execute(), 400, "invalid");
        assertGoogleError(() -> user.calendar().events().insert(calendarId, event(null, "2030-07-03T10:00:00Z", "2030-07-03T11:00:00Z")
                .setReminders(new Event.Reminders().setUseDefault(false).setOverrides(List.of(new EventReminder().setMethod("popup")
                        .setMinutes(40_321))))).execute(), 400, "invalid");
        List<EventReminder> six = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            six.add(new EventReminder().setMethod("popup").setMinutes(i));
        }
        assertGoogleError(() -> user.calendar().events().insert(calendarId, event(null, "2030-07-03T10:00:00Z", "2030-07-03T11:00:00Z")
                .setReminders(new Event.Reminders().setUseDefault(false).setOverrides(six))).execute(), 400, "invalid");
    }

    /**
     * As calendar-sync-service asks it: every calendar on the person's list (calendarList.list), then one freeBusy.query
     * with all their ids; overlapping events of one calendar are one busy interval, events are never named.
     */
    @Test
    void freeBusyOverEveryCalendarOnThePersonsList() throws Exception {
        ConnectedUser user = ConnectedUser.connect(google);
        String dedicated = secondaryCalendar(user);
        user.calendar().events().insert(dedicated, event(null, "2030-08-01T09:00:00Z", "2030-08-01T10:00:00Z")).execute();
        user.calendar().events().insert(dedicated, event(null, "2030-08-01T09:30:00Z", "2030-08-01T10:30:00Z")).execute();
        assertThat(Control.post(google, "busy", "{\"email\":\"" + user.email()
                + "\",\"start\":\"2030-08-01T07:00:00Z\",\"end\":\"2030-08-01T08:00:00Z\"}").statusCode()).isEqualTo(200);

        List<FreeBusyRequestItem> items = user.calendar().calendarList().list().execute().getItems().stream()
                .map(entry -> new FreeBusyRequestItem().setId(entry.getId())).toList();
        assertThat(items).hasSize(2);
        FreeBusyResponse answer = user.calendar().freebusy().query(new FreeBusyRequest()
                .setTimeMin(DateTime.parseRfc3339("2030-08-01T07:30:00Z")).setTimeMax(DateTime.parseRfc3339("2030-08-02T00:00:00Z"))
                .setItems(items)).execute();

        assertThat(answer.getCalendars()).containsOnlyKeys(user.email(), dedicated);
        assertThat(answer.getCalendars().get(user.email()).getBusy()).singleElement().satisfies(b -> {
            assertThat(b.getStart().getValue()).as("clipped").isEqualTo(DateTime.parseRfc3339("2030-08-01T07:30:00Z").getValue());
            assertThat(b.getEnd().getValue()).isEqualTo(DateTime.parseRfc3339("2030-08-01T08:00:00Z").getValue());
        });
        assertThat(answer.getCalendars().get(dedicated).getBusy()).singleElement().satisfies(b -> {
            assertThat(b.getStart().getValue()).isEqualTo(DateTime.parseRfc3339("2030-08-01T09:00:00Z").getValue());
            assertThat(b.getEnd().getValue()).isEqualTo(DateTime.parseRfc3339("2030-08-01T10:30:00Z").getValue());
        });
        assertThat(answer.toString()).doesNotContain("Practice session").doesNotContain("Busy (made in Google)");
    }

    static String secondaryCalendar(ConnectedUser user) throws Exception {
        return user.calendar().calendars().insert(new com.google.api.services.calendar.model.Calendar().setSummary("Schedulr Meetings"))
                .execute().getId();
    }

    /** Lists every page; returns the nextSyncToken of the last one. */
    static String listAll(Calendar.Events events, String calendarId, String syncToken, int pageSize, List<Event> into) throws Exception {
        String pageToken = null;
        while (true) {
            Events page = events.list(calendarId).setSyncToken(syncToken).setPageToken(pageToken).setMaxResults(pageSize).execute();
            into.addAll(page.getItems());
            pageToken = page.getNextPageToken();
            if (pageToken == null) {
                assertThat(page.getNextSyncToken()).isNotBlank();
                return page.getNextSyncToken();
            }
            assertThat(page.getNextSyncToken()).isNull();
        }
    }

    static Event event(String iCalUid, String start, String end) {
        return new Event().setICalUID(iCalUid).setSummary("Practice session").setStart(time(start)).setEnd(time(end));
    }

    static EventDateTime time(String rfc3339) {
        return new EventDateTime().setDateTime(DateTime.parseRfc3339(rfc3339)).setTimeZone("UTC");
    }

    interface Call {
        void run() throws Exception;
    }

    static void assertGoogleError(Call call, int status, String reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(status);
            assertThat(e.getDetails()).as("error details parsed from the JSON body").isNotNull();
            assertThat(e.getDetails().getErrors()).singleElement().satisfies(info -> assertThat(info.getReason()).isEqualTo(reason));
        });
    }
}
