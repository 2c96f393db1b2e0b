package io.schedulr.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app in a real browser (Debian's headless chromium) against the whole local stack: two people in two browsers
 * sign in through the local Google's account chooser — the host grants the calendar on the sign-in's consent screen, the
 * guest unticks a box there, meets the calendar gate and connects — then the host offers a
 * session, the guest sees it appear live and books it, the host sees the booking live and reschedules it with the
 * date-time picker in their own zone, and the guest's updated invitation arrives. Screenshots of each main screen are
 * kept in {@code deploy/target/screenshots}.
 */
class WebAppBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path state;
    private static StackClient client;
    private static String app;

    /** An operator named by address, as with Google's sign-in (its tokens carry no role claim). */
    private static final String WEB_ADMIN = "wendy-admin@example.com";

    @BeforeAll
    static void startStack() throws Exception {
        client = StackClient.start(state, options -> options.withServiceEnvironment("scheduling-service", Map.of("SCHEDULR_ADMINS", WEB_ADMIN)));
        app = "http://localhost:" + client.stack().services().get(0).port() + "/";
        // Besides the seeded types, one a booking may make 30 or 60 minutes long, hosted as the first (before calcom-gateway
        // first lists the types: it reuses the list for a minute).
        JsonNode directory = new ObjectMapper().readTree(java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(client.stack().calcomUrl() + "/_control/directory")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body());
        List<String> hosts = new java.util.ArrayList<>();
        directory.path("teamEventTypes").get(0).path("hosts").forEach(h -> hosts.add(h.path("userId").asText()));
        client.onCalcom("event-types", "{\"slug\":\"interview-flexible\",\"title\":\"Interview (flexible)\",\"lengthInMinutes\":30,"
                + "\"lengthOptions\":[30,60],\"teamId\":" + directory.path("teamId").asLong() + ",\"hostIds\":[" + String.join(",", hosts)
                + "],\"schedulingType\":\"collective\"}");
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopStack() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void aHostAndAGuestBookAndRescheduleWithLiveUpdatesAndTheInvitationArrives() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String hostEmail = "hana-" + tag + "@example.com";
        String guestEmail = "gil-" + tag + "@example.com";
        WebDriver host = browser();
        WebDriver guest = browser();
        try {
            // Signing up grants the calendar on the sign-in's own consent screen: no gate, straight to the sessions.
            signIn(host, hostEmail, "Hana Host", "Europe/Berlin", "01-sign-in");
            signedUp(host, "offer-form");
            // Gil unticks a Calendar box on that screen: signed in, the app asks him to connect before anything else.
            signIn(guest, "", guestEmail, "Gil Guest", "America/New_York", null, "https://www.googleapis.com/auth/calendar.freebusy");
            wait(guest).until(ExpectedConditions.elementToBeClickable(By.id("connect-calendar")));
            assertThat(guest.findElement(By.id("gate-reason")).getText()).contains("leave every calendar box ticked");
            // Refusing Google's consent screen leads back to the gate, with what happened and what to do in plain words.
            ((JavascriptExecutor) guest).executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "const token = JSON.parse(sessionStorage.getItem('schedulr.session')).idToken;"
                    + "fetch('/api/web-config').then(r => r.json()).then(c => fetch(c.calendarSyncUrl + '/api/auth/google/start',"
                    + " {headers: {Authorization: 'Bearer ' + token, Accept: 'application/json'}})).then(r => r.json())"
                    + ".then(start => { done(); window.location.assign(start.url + '&deny=1'); });");
            wait(guest).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"),
                    "You did not give schedulr access to your Google Calendar"));
            connect(guest, "02-calendar-gate");

            // The guest watches the open sessions; the host offers one for 2 days from now, 15:30 Berlin time.
            wait(guest).until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-state"), "live"));
            ZonedDateTime start = ZonedDateTime.now(ZoneId.of("Europe/Berlin")).plusDays(2).withHour(15).withMinute(30).withSecond(0).withNano(0);
            setDateTime(host, host.findElement(By.id("offer-start")), start.toLocalDateTime());
            host.findElement(By.id("offer")).click();
            wait(host).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Session offered"));
            assertThat(sessionsShowing(host, "15:30")).contains("(Europe/Berlin)").contains("60 minutes");

            WebElement offered = wait(guest).until(d -> d.findElements(By.cssSelector("#session-list li[data-room]")).stream()
                    .filter(li -> li.getText().contains("Hana Host")).findFirst().orElse(null));
            assertThat(offered.getText()).as("the guest sees it in their own zone")
                    .contains(start.withZoneSameInstant(ZoneId.of("America/New_York")).format(DateTimeFormatter.ofPattern("HH:mm")))
                    .contains("(America/New_York)");
            shot(guest, "03-open-sessions");

            // Booking: the host's "My sessions" shows it booked without a reload.
            host.findElement(By.id("tab-mine")).click();
            bookAsAPersonWould(guest, "Hana Host");
            wait(host).until(ExpectedConditions.textToBePresentInElementLocated(By.id("session-list"), "Gil Guest booked it"));
            shot(host, "04-my-sessions-booked");

            sessionsShowing(guest, "you booked it");

            // The host reschedules with the picker, in Berlin time.
            host.findElement(By.cssSelector("#session-list li[data-room] button[data-action='reschedule']")).click();
            WebElement picker = wait(host).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reschedule-form input")));
            ZonedDateTime moved = start.plusDays(1).withHour(9).withMinute(0);
            setDateTime(host, picker, moved.toLocalDateTime());
            // Someone else offers a session meanwhile: the host's list is drawn again, and the time being typed stays.
            WebElement drawnBefore = host.findElement(By.cssSelector("#session-list li[data-room]"));
            client.call("POST", "/api/practice-room/create", client.person("Otto Offerer", "UTC"),
                    "{\"datetimeUtc\":\"" + start.plusDays(3).toInstant() + "\",\"private\":false}", 201);
            wait(host).until(ExpectedConditions.stalenessOf(drawnBefore));
            assertThat(host.findElement(By.cssSelector("#reschedule-form input")).getAttribute("value"))
                    .isEqualTo(moved.toLocalDateTime().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
            shot(host, "05-reschedule");
            host.findElement(By.cssSelector("#reschedule-form button[type='submit']")).click();
            wait(host).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Moved to"));
            assertThat(sessionsShowing(host, "09:00")).contains("(Europe/Berlin)");

            // The guest's invitation from the host's Google calendar: first the booking, then the move (SEQUENCE above 0).
            List<String> invitations = client.awaitCalendars(guestEmail, 2, Duration.ofSeconds(60));
            String latest = invitations.get(invitations.size() - 1);
            assertThat(latest).contains("METHOD:REQUEST").contains("DTSTART").contains(moved.withZoneSameInstant(ZoneId.of("UTC"))
                    .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm")));
            assertThat(StackClient.line(latest, "SEQUENCE:")).isNotEqualTo("SEQUENCE:0");
            guest.findElement(By.id("tab-mine")).click();
            wait(guest).until(ExpectedConditions.textToBePresentInElementLocated(By.id("session-list"),
                    moved.withZoneSameInstant(ZoneId.of("America/New_York")).format(DateTimeFormatter.ofPattern("HH:mm"))));
            shot(guest, "06-guest-my-sessions");

            // A move onto something already in the host's own Google calendar: the app asks, says nothing changed when
            // the host says no, and moves it when they go ahead.
            ZonedDateTime dentist = moved.withHour(12);
            localGoogle("/_control/busy", "{\"email\":\"" + hostEmail + "\",\"start\":\"" + dentist.toOffsetDateTime()
                    + "\",\"end\":\"" + dentist.plusHours(1).toOffsetDateTime() + "\"}");
            for (boolean goAhead : List.of(false, true)) {
                host.findElement(By.cssSelector("#session-list li[data-room] button[data-action='reschedule']")).click();
                setDateTime(host, wait(host).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reschedule-form input"))),
                        dentist.withMinute(30).toLocalDateTime());
                host.findElement(By.cssSelector("#reschedule-form button[type='submit']")).click();
                Alert ask = wait(host).until(ExpectedConditions.alertIsPresent());
                assertThat(ask.getText()).contains("already in your calendar").contains("12:30").contains("until 13:00")
                        .contains("Go ahead anyway?");
                if (goAhead) {
                    ask.accept();
                    wait(host).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Moved to"));
                } else {
                    ask.dismiss();
                    wait(host).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Nothing was changed"));
                    host.findElement(By.cssSelector("#reschedule-form button.secondary")).click();
                }
            }
            sessionsShowing(host, "12:30");

            // On a phone's width: nothing is wider than the screen, and signing out is still on it.
            guest.manage().window().setSize(new Dimension(390, 844));
            wait(guest).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth"));
            WebElement signOut = guest.findElement(By.id("sign-out"));
            assertThat(signOut.getRect().getX() + signOut.getRect().getWidth()).as("Sign out within the screen")
                    .isLessThanOrEqualTo(((Number) ((JavascriptExecutor) guest).executeScript("return window.innerWidth")).intValue());
            shot(guest, "11-phone-my-sessions");

            // The host withdraws schedulr's access in Google: the next use of their grant finds it revoked, and the app
            // asks them to reconnect before anything else. That next use is the move below (its clash check, or its
            // event's patch), or calendar-sync-service's sync after Google's push about the first move if that comes
            // later than the revocation: then the move is refused at once with the reconnect screen. Either is right.
            String roomId = host.findElement(By.cssSelector("#session-list li[data-room]")).getAttribute("data-room");
            localGoogle("/_control/revoke", "{\"email\":\"" + hostEmail + "\"}");
            host.findElement(By.cssSelector("#session-list li[data-room] button[data-action='reschedule']")).click();
            setDateTime(host, wait(host).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reschedule-form input"))),
                    moved.plusHours(1).toLocalDateTime());
            host.findElement(By.cssSelector("#reschedule-form button[type='submit']")).click();
            wait(host).until(ExpectedConditions.or(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Moved to"),
                    ExpectedConditions.presenceOfElementLocated(By.id("connect-calendar"))));
            WebElement reconnect = wait(host).until(d -> {
                d.navigate().refresh();
                return new WebDriverWait(d, Duration.ofSeconds(2)).until(ExpectedConditions.presenceOfElementLocated(By.id("connect-calendar")));
            });
            assertThat(host.findElement(By.id("view")).getText()).contains("Your calendar was disconnected");
            assertThat(reconnect.getText()).isEqualTo("Reconnect Google Calendar");
            shot(host, "10-reconnect");
            reconnect.click();
            wait(host).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Your Google Calendar is connected"));
            wait(host).until(ExpectedConditions.visibilityOfElementLocated(By.id("offer-form")));

            // Time passes (the session is moved into the past in the database): it leaves "My sessions" and is shown,
            // read-only, under "Past sessions".
            sql("UPDATE practice_rooms SET datetime_utc = now() - interval '3 days', ends_at = now() - interval '3 days' + interval '60 minutes' "
                    + "WHERE id = '" + roomId + "'::uuid");
            host.findElement(By.id("tab-past")).click();
            WebElement past = wait(host).until(d -> d.findElements(By.cssSelector("#session-list li[data-room='" + roomId + "']")).stream()
                    .findFirst().orElse(null));
            assertThat(past.getText()).contains("Gil Guest booked it").contains("60 minutes");
            assertThat(past.findElements(By.cssSelector("button"))).as("a past session is only shown; its guest can be offered the next")
                    .extracting(b -> b.getAttribute("data-action")).containsExactly("offer-again");
            assertThat(host.findElement(By.id("more-past")).isDisplayed()).as("one page holds it all").isFalse();
            // Fifty older sessions: the first page is full, "Show earlier sessions" brings the rest, after the newest.
            copiesOf(roomId, 50, "r.datetime_utc - i * interval '1 day'");
            host.findElement(By.id("tab-past")).click();
            wait(host).until(d -> d.findElements(By.cssSelector("#session-list li[data-room]")).size() == 50
                    && d.findElement(By.id("more-past")).isDisplayed());
            host.findElement(By.id("more-past")).click();
            wait(host).until(d -> d.findElements(By.cssSelector("#session-list li[data-room]")).size() == 51
                    && !d.findElement(By.id("more-past")).isDisplayed());
            assertThat(host.findElement(By.cssSelector("#session-list li[data-room]")).getAttribute("data-room")).as("the latest first")
                    .isEqualTo(roomId);
            host.findElement(By.id("tab-mine")).click();
            wait(host).until(d -> d.findElements(By.cssSelector("#session-list li[data-room='" + roomId + "']")).isEmpty()
                    && !d.findElements(By.cssSelector("#session-list li")).isEmpty());
            // Sixty sessions far ahead: "My sessions" shows the soonest fifty, "Show later sessions" the rest, and going
            // back to the tab (a reload, as a live change makes) keeps what was opened.
            copiesOf(roomId, 60, "now() + (400 + i) * interval '1 day'");
            host.findElement(By.id("tab-mine")).click();
            wait(host).until(d -> d.findElements(By.cssSelector("#session-list li[data-room]")).size() == 50
                    && d.findElement(By.id("more-mine")).isDisplayed());
            host.findElement(By.id("more-mine")).click();
            wait(host).until(d -> d.findElements(By.cssSelector("#session-list li[data-room]")).size() > 50
                    && !d.findElement(By.id("more-mine")).isDisplayed());
            int opened = host.findElements(By.cssSelector("#session-list li[data-room]")).size();
            host.findElement(By.id("tab-open")).click();
            host.findElement(By.id("tab-mine")).click();
            wait(host).until(d -> d.findElements(By.cssSelector("#session-list[aria-busy]")).isEmpty());
            assertThat(host.findElements(By.cssSelector("#session-list li[data-room]"))).hasSize(opened);

            // From the past session, the host offers its guest the next one: private, so only Gil sees it in the open ones.
            host.findElement(By.id("tab-past")).click();
            wait(host).until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                    "#session-list li[data-room='" + roomId + "'] button[data-action='offer-again']"))).click();
            assertThat(host.findElement(By.id("offer-to")).getText()).contains("Only for Gil Guest");
            setDateTime(host, host.findElement(By.id("offer-start")), start.plusDays(20).toLocalDateTime());
            host.findElement(By.id("offer")).click();
            wait(host).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Session offered to Gil Guest"));
            guest.findElement(By.id("tab-open")).click();
            WebElement offeredToGil = wait(guest).until(d -> d.findElements(By.cssSelector("#session-list li[data-room]")).stream()
                    .filter(li -> li.getText().contains("Hana Host") && li.getText().contains("Private")).findFirst().orElse(null));
            // Nobody else sees it: to them it does not exist.
            client.call("GET", "/api/practice-rooms/" + offeredToGil.getAttribute("data-room"), client.person("Otto Offerer", "UTC"), null, 404);
            // The host sees to whom it is offered.
            host.findElement(By.id("tab-mine")).click();
            wait(host).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(
                    "#session-list li[data-room='" + offeredToGil.getAttribute("data-room") + "']"), "Private · only for Gil Guest"));

            // Gil changes when he is reminded, as every reminder mail tells him he can: the defaults first, a clash of two
            // reminders refused before anything is sent, then his choice, kept over a reload.
            guest.findElement(By.id("nav-reminders")).click();
            wait(guest).until(ExpectedConditions.textToBePresentInElementLocated(By.id("reminders-now"),
                    "Now: 1 hour and 10 minutes before each session, by email."));
            WebElement firstAmount = guest.findElement(By.id("reminder-amount-0"));
            firstAmount.clear();
            firstAmount.sendKeys("10");
            new org.openqa.selenium.support.ui.Select(guest.findElement(By.id("reminder-unit-0"))).selectByVisibleText("minutes");
            guest.findElement(By.id("save-reminders")).click();
            wait(guest).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Two reminders are set for the same time"));
            firstAmount.clear();
            firstAmount.sendKeys("1");
            new org.openqa.selenium.support.ui.Select(guest.findElement(By.id("reminder-unit-0"))).selectByVisibleText("days");
            guest.findElement(By.cssSelector("#reminder-rows .reminder:nth-child(2) button[data-action='remove-reminder']")).click();
            guest.findElement(By.id("add-reminder")).click();
            WebElement added = guest.findElement(By.cssSelector("#reminder-rows .reminder:last-child input"));
            added.clear();
            added.sendKeys("30");
            guest.findElement(By.id("save-reminders")).click();
            wait(guest).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"),
                    "Saved: 1 day and 30 minutes before each session, by email."));
            guest.navigate().refresh();
            wait(guest).until(ExpectedConditions.textToBePresentInElementLocated(By.id("reminders-now"),
                    "Now: 1 day and 30 minutes before each session, by email."));
            assertThat((Boolean) ((JavascriptExecutor) guest).executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("the page fits a phone's width").isTrue();
            wait(guest).until(ExpectedConditions.textToBePresentInElementLocated(By.id("calendar-status"), "Connected"));
            shot(guest, "12-reminders");
            ((JavascriptExecutor) guest).executeScript("document.getElementById('calendar-card').scrollIntoView()");
            shot(guest, "13-reminders-calendar");

            // Gil withdraws schedulr's access to his Google Calendar from the same page; the app then asks him to connect
            // it again before he books or offers.
            guest.findElement(By.id("disconnect-calendar")).click();
            Alert confirm = wait(guest).until(ExpectedConditions.alertIsPresent());
            assertThat(confirm.getText()).contains("Disconnect your Google Calendar?").contains("connect it again");
            confirm.accept();
            wait(guest).until(ExpectedConditions.elementToBeClickable(By.id("connect-calendar")));
            assertThat(guest.findElement(By.id("view")).getText()).contains("Connect your calendar");
            var endpoints = client.stack().endpoints();
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(endpoints.jdbcUrl("calendar_sync"), endpoints.postgresUser(),
                    endpoints.postgresPassword()); java.sql.Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("UPDATE calendar_connection SET updated_at = updated_at WHERE email = '" + guestEmail
                        + "' AND status = 'not_connected' AND reason = 'user' AND google_refresh_token IS NULL"))
                        .as("disconnected by Gil, the token forgotten").isEqualTo(1);
            }
        } finally {
            host.quit();
            guest.quit();
        }
    }

    @Test
    void anOperatorNamedByAddressAddsAMemberLinkedToACalcomHostAndUnlinksThem() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        WebDriver wendy = browser();
        try {
            // Signed in through the local Google like anyone else: no role in the token, named in SCHEDULR_ADMINS.
            signIn(wendy, WEB_ADMIN, "Wendy Admin", "UTC", null);
            signedUp(wendy, "offer-form");
            wendy.get(app + "#/interviews");
            wait(wendy).until(ExpectedConditions.elementToBeClickable(By.id("member-calcom")));
            // Cal.com's hosts nobody is linked to yet, by name and id.
            WebElement host = wait(wendy).until(d -> new Select(d.findElement(By.id("member-calcom"))).getOptions().stream()
                    .filter(o -> !o.getAttribute("value").isEmpty()).findFirst().orElse(null));
            String hostId = host.getAttribute("value");
            assertThat(host.getText()).endsWith("(Cal.com " + hostId + ")");
            wendy.findElement(By.id("member-name")).sendKeys("Lena Linked " + tag);
            wendy.findElement(By.id("member-email")).sendKeys("lena-" + tag + "@example.com");
            wendy.findElement(By.id("member-role")).sendKeys("Associate");
            new Select(wendy.findElement(By.id("member-calcom"))).selectByValue(hostId);
            wendy.findElement(By.id("add-member")).click();
            wait(wendy).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Lena Linked " + tag + " is on the team."));
            JsonNode lena = member("lena-" + tag + "@example.com");
            assertThat(lena.path("calcomUserId").asText()).isEqualTo(hostId);
            shot(wendy, "18-team-admin");
            // Her row offers her own Cal.com user, chosen; set to "Not linked", the link goes.
            WebElement link = wait(wendy).until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("select[data-member-calcom='" + lena.path("id").asText() + "']")));
            assertThat(new Select(link).getFirstSelectedOption().getAttribute("value")).isEqualTo(hostId);
            new Select(link).selectByVisibleText("Not linked");
            wait(wendy).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "is no longer linked to Cal.com"));
            assertThat(member("lena-" + tag + "@example.com").path("calcomUserId").isNull()).isTrue();

            // Her row's Edit makes her name, address and role fields; an address another member has is refused and the
            // fields stay for a correction; then her new role and address are saved.
            String lenaId = lena.path("id").asText();
            client.call("POST", "/api/team-members", client.admin("Ann Admin"),
                    "{\"name\":\"Otis Other\",\"email\":\"otis-" + tag + "@example.com\",\"role\":\"Analyst\"}", 201);
            wait(wendy).until(ExpectedConditions.stalenessOf(link)); // the table drawn again after the unlinking
            wait(wendy).until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-member-edit='" + lenaId + "']"))).click();
            By lenaField = By.cssSelector("tr[data-member-row='" + lenaId + "'] input[data-edit='email']");
            WebElement address = wait(wendy).until(ExpectedConditions.elementToBeClickable(lenaField));
            address.clear();
            address.sendKeys("otis-" + tag + "@example.com");
            wendy.findElement(By.cssSelector("tr[data-member-row='" + lenaId + "'] button[data-save]")).click();
            wait(wendy).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Another team member has the email address otis-" + tag));
            address = wendy.findElement(lenaField);
            address.clear();
            address.sendKeys("lena.l-" + tag + "@example.com");
            WebElement role = wendy.findElement(By.cssSelector("tr[data-member-row='" + lenaId + "'] input[data-edit='role']"));
            role.clear();
            role.sendKeys("Partner");
            wendy.findElement(By.cssSelector("tr[data-member-row='" + lenaId + "'] button[data-save]")).click();
            wait(wendy).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Lena Linked " + tag + " is saved. "
                    + "Interviews already sent to them now invite lena.l-" + tag + "@example.com."));
            JsonNode edited = member("lena.l-" + tag + "@example.com");
            assertThat(edited.path("id").asText()).isEqualTo(lenaId);
            assertThat(edited.path("role").asText()).isEqualTo("Partner");
            assertThat(edited.path("name").asText()).isEqualTo("Lena Linked " + tag);
            wait(wendy).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-member-row='" + lenaId + "']"),
                    "lena.l-" + tag + "@example.com"));
        } finally {
            wendy.quit();
        }
    }

    /** The team member with this address, as the API lists them (to an admin). */
    private static JsonNode member(String email) throws Exception {
        for (JsonNode m : new ObjectMapper().readTree(client.call("GET", "/api/team-members?includeInactive=true", client.admin("Ann Admin"), null, 200))) {
            if (m.path("email").asText().equalsIgnoreCase(email)) {
                return m;
            }
        }
        throw new AssertionError("no team member " + email);
    }

    @Test
    void aWeekOfSlotsIsPublishedAndBookedAndTheInterviewWizardEndsSent() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String ivyEmail = "ivy-" + tag + "@example.com";
        // An admin puts Ivy on the team, linked to the local Cal.com's host of its first event type.
        StackClient.Person admin = client.admin("Ann Admin");
        String types = client.gateway("GET", "/api/calcom/event-types", admin, null, 200);
        long hostId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(types).get(0).path("hosts").get(0).path("userId").asLong();
        String ivyMember = new com.fasterxml.jackson.databind.ObjectMapper().readTree(client.call("POST", "/api/team-members", admin,
                "{\"name\":\"Ivy Interviewer\",\"email\":\"" + ivyEmail + "\",\"role\":\"Partner\",\"calcomUserId\":" + hostId + "}", 201))
                .path("id").asText();

        WebDriver ivy = browser();
        WebDriver sam = browser();
        try {
            signIn(ivy, ivyEmail, "Ivy Interviewer", "Europe/Berlin", null);
            signedUp(ivy, "offer-form");
            ivy.get(app + "#/slots");
            WebElement publish = wait(ivy).until(ExpectedConditions.elementToBeClickable(By.id("publish-week")));
            String publishedWeek = ivy.findElement(By.id("week-start")).getAttribute("value");
            publish.click();
            wait(ivy).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Published 15 slots"));
            shot(ivy, "07-availability");

            // Sam follows a link to the availability page: signing up (the calendar granted with it) brings him back to it.
            signIn(sam, "#/slots", "sam-" + tag + "@example.com", "Sam Seeker", "Asia/Tokyo", null);
            signedUp(sam, "publish-week");
            assertThat(sam.getCurrentUrl()).endsWith("#/slots");
            wait(sam).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#open-slots button[data-action='book-slot']")));
            assertThat(sam.findElement(By.id("open-slots")).getText()).contains("(Asia/Tokyo)");
            // Someone else takes the first slot while Sam looks at it: it leaves Sam's list at once, without a reload.
            String taken = sam.findElement(By.cssSelector("#open-slots li[data-slot]")).getAttribute("data-slot");
            client.call("POST", "/api/slots/" + taken + "/book", client.person("Olaf Other", "UTC"), null, 200);
            wait(sam).until(d -> d.findElements(By.cssSelector("#open-slots li[data-slot='" + taken + "']")).isEmpty());
            sam.findElement(By.cssSelector("#open-slots button[data-action='book-slot']")).click();
            wait(sam).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Booked"));
            // Ivy, the host, watching her availability: both bookings show, without a reload.
            wait(ivy).until(d -> d.findElement(By.id("my-slots")).getText().split("booked", -1).length - 1 == 2);
            // A hundred more, far ahead: the first page shows a hundred of her 115, "Show more of your slots" the rest.
            sql("INSERT INTO slots (id, host_id, start_ts, end_ts) SELECT gen_random_uuid(), u.id, now() + (300 + i) * interval '1 day', "
                    + "now() + (300 + i) * interval '1 day' + interval '30 minutes' FROM users u, generate_series(1, 100) i "
                    + "WHERE u.email = '" + ivyEmail + "'", 100);
            ivy.navigate().refresh();
            wait(ivy).until(d -> d.findElements(By.cssSelector("#my-slots li[data-slot]")).size() == 100
                    && d.findElement(By.id("more-my-slots")).isDisplayed());
            ivy.findElement(By.id("more-my-slots")).click();
            wait(ivy).until(d -> d.findElements(By.cssSelector("#my-slots li[data-slot]")).size() == 115
                    && !d.findElement(By.id("more-my-slots")).isDisplayed());

            // The wizard: six steps, the indicator moving along, a refused step saying why. Acme is known already, after a
            // hundred others by name, so not in the first step's list: typing its name (in any case) chooses it.
            String acme = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    client.call("POST", "/api/startups", admin, "{\"name\":\"Acme " + tag + "\"}", 201)).path("id").asText();
            sql("INSERT INTO startup (id, name) SELECT gen_random_uuid(), 'Aa ' || i || ' " + tag + "' FROM generate_series(1, 100) i", 100);
            // Ivy finds Acme among the startups by part of its name, in any case, and adds a contact on its page.
            // A hundred and one of them by now: fifty at first, "Show more startups" the next fifty.
            ivy.get(app + "#/startups");
            wait(ivy).until(d -> d.findElements(By.cssSelector("#startup-rows a")).size() == 50 && d.findElement(By.id("more-startups")).isDisplayed());
            ivy.findElement(By.id("more-startups")).click();
            wait(ivy).until(d -> d.findElements(By.cssSelector("#startup-rows a")).size() == 100);
            ivy.findElement(By.id("startup-search")).sendKeys("ACME " + tag.toUpperCase());
            wait(ivy).until(d -> d.findElements(By.cssSelector("#startup-rows a")).size() == 1);
            ivy.findElement(By.cssSelector("#startup-rows a")).click();
            wait(ivy).until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-new-name"))).sendKeys("Hugo Advisor");
            ivy.findElement(By.id("contact-new-email")).sendKeys("hugo-" + tag + "@example.com");
            ivy.findElement(By.id("contact-new-role")).sendKeys("Advisor");
            ivy.findElement(By.id("add-contact")).click();
            wait(ivy).until(ExpectedConditions.textToBePresentInElementLocated(By.id("startup-contacts"), "hugo-" + tag + "@example.com"));
            shot(ivy, "16-startup");
            ivy.get(app + "#/interviews");
            wait(ivy).until(ExpectedConditions.elementToBeClickable(By.id("new-interview"))).click();
            wait(ivy).until(ExpectedConditions.visibilityOfElementLocated(By.id("startup-new"))).sendKeys("acme " + tag.toUpperCase());
            ivy.findElement(By.id("step-next")).click();
            wait(ivy).until(ExpectedConditions.textToBePresentInElementLocated(By.id("step-error"), "exists already and is chosen above"));
            assertThat(new org.openqa.selenium.support.ui.Select(ivy.findElement(By.id("startup"))).getFirstSelectedOption().getText())
                    .isEqualTo("Acme " + tag);
            ivy.findElement(By.id("step-next")).click();
            wait(ivy).until(ExpectedConditions.textToBePresentInElementLocated(By.id("step-error"),
                    "Choose a contact, or enter the new contact's name and email"));
            assertThat(ivy.findElement(By.cssSelector(".steps li[aria-current='step']")).getText()).as("a refused step stays").isEqualTo("1. Startup");
            ivy.findElement(By.id("contact-name")).sendKeys("Grace Founder");
            ivy.findElement(By.id("contact-email")).sendKeys("grace-" + tag + "@example.com");
            // The next seven days from the moment step 2 asks, somewhere between these two instants.
            java.time.Instant asked = java.time.Instant.now();
            ivy.findElement(By.id("step-next")).click();
            WebElement primary = wait(ivy).until(ExpectedConditions.visibilityOfElementLocated(By.id("primary-member")));
            assertThat(ivy.findElement(By.cssSelector(".steps li[aria-current='step']")).getText()).isEqualTo("2. Team");
            new org.openqa.selenium.support.ui.Select(primary).selectByVisibleText("Ivy Interviewer (Partner)");
            assertThat(ivy.findElement(By.cssSelector("input[data-member='" + ivyMember + "']")).isDisplayed())
                    .as("the primary interviewer is not offered again as one more").isFalse();
            // When each member is busy in the next seven days, her Google calendar read with her own token: the two slots
            // booked above when that Monday is within them, else nothing.
            String availability = wait(ivy).until(d -> d.findElements(By.cssSelector("#team-availability li[data-availability='" + ivyMember + "']"))
                    .stream().map(WebElement::getText).findFirst().orElse(null));
            java.time.Instant read = java.time.Instant.now();
            java.time.ZonedDateTime nine = LocalDate.parse(publishedWeek).atTime(9, 0).atZone(ZoneId.of("Europe/Berlin"));
            // The month as the browser abbreviates it, which is not always the JDK's ("Sept").
            String mondayWritten = "Mon " + nine.getDayOfMonth() + " \\p{L}+ ";
            // Each slot shows when it starts within the seven days (one starting at their very end may or may not); the two
            // back-to-back slots may show as one busy time (seen once both start within the window; where they are joined is not traced).
            java.util.function.Function<java.time.Instant, String> busyUntil = end -> {
                String line;
                if (!nine.toInstant().isBefore(end)) {
                    line = "Free all of the next 7 days";
                } else if (!nine.plusHours(1).toInstant().isBefore(end)) {
                    line = "Busy " + mondayWritten + "09:00–(10|11):00";
                } else {
                    line = "Busy (" + mondayWritten + "09:00–10:00, " + mondayWritten + "10:00–11:00|" + mondayWritten + "09:00–11:00)";
                }
                return "Ivy Interviewer \\(Partner\\): " + line + "\\.";
            };
            assertThat(availability).matches(busyUntil.apply(asked.plus(Duration.ofDays(7))) + "|" + busyUntil.apply(read.plus(Duration.ofDays(7))));
            assertThat(ivy.findElement(By.cssSelector("#team-availability h3")).getText()).endsWith("(Europe/Berlin)");
            shot(ivy, "17-wizard-team");
            ivy.findElement(By.id("step-next")).click();
            // Closed halfway, the draft is in the list; opened there, it is continued where it was left.
            wait(ivy).until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-event-type]")));
            ivy.findElement(By.id("wizard-close")).click();
            wait(ivy).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#interview-rows a"))).click();
            wait(ivy).until(ExpectedConditions.elementToBeClickable(By.id("continue-interview"))).click();
            wait(ivy).until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-event-type]")));
            ivy.findElements(By.cssSelector("button[data-event-type]")).stream().filter(b -> b.getText().startsWith("Interview (flexible)"))
                    .findFirst().orElseThrow().click();
            assertThat(ivy.findElement(By.cssSelector(".steps li[aria-current='step']")).getText()).isEqualTo("3. Time");
            assertThat(ivy.findElement(By.id("type-not-hosting")).getText()).as("Ivy hosts the type on Cal.com: nothing to warn of")
                    .isEmpty();
            // The type offers 30 or 60 minutes: an hour it is, and the times offered are hours.
            new Select(wait(ivy).until(ExpectedConditions.elementToBeClickable(By.id("interview-length")))).selectByVisibleText("60 minutes");
            WebElement day = ivy.findElement(By.id("interview-day"));
            // The published week's Monday: Cal.com is free from 09:00 to 17:00 there, but Ivy's slots at 09:00 and 10:00 are
            // booked, so the wizard does not offer those two times (the send would refuse them).
            ((JavascriptExecutor) ivy).executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));",
                    day, publishedWeek);
            List<java.time.Instant> offered = wait(ivy).until(d -> {
                List<WebElement> times = d.findElements(By.cssSelector("#interview-slots button[data-start]"));
                List<String> starts = times.stream().map(b -> b.getAttribute("data-start")).toList();
                return starts.isEmpty() || !starts.stream().allMatch(t -> t.startsWith(publishedWeek)) ? null
                        : starts.stream().map(t -> java.time.OffsetDateTime.parse(t).toInstant()).toList();
            });
            LocalDate monday = LocalDate.parse(publishedWeek);
            assertThat(offered).doesNotContain(monday.atTime(9, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant(),
                    monday.atTime(10, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant());
            assertThat(offered).as("an hour apart").allSatisfy(t -> assertThat(t.atZone(ZoneId.of("Europe/Berlin")).getMinute()).isZero());
            WebElement slot = null;
            // After the week of slots published above: a time in it could clash with a booked slot in Ivy's calendar, and
            // the send would be refused (rightly, but not what this test is about).
            LocalDate afterPublishedWeek = LocalDate.parse(publishedWeek).plusDays(7);
            for (int d = 0; d < 10 && slot == null; d++) {
                String date = afterPublishedWeek.plusDays(d).toString();
                ((JavascriptExecutor) ivy).executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));",
                        day, date);
                try {
                    // A time of that day (the times of the day shown before stay until its answer comes).
                    slot = new WebDriverWait(ivy, Duration.ofSeconds(3))
                            .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#interview-slots button[data-start^='" + date + "']")));
                } catch (org.openqa.selenium.TimeoutException noneThatDay) {
                    slot = null;
                }
            }
            assertThat(slot).as("a free time on the local Cal.com within 10 days").isNotNull();
            slot.click();
            // Who of the type's hosts is free then: Ivy, its host on the local Cal.com.
            wait(ivy).until(ExpectedConditions.textToBePresentInElementLocated(By.id("slot-hosts"), "Ivy Interviewer"));
            shot(ivy, "08-wizard-time");
            // Back to the first step and forward again: what was saved is still chosen, nothing has to be picked again.
            ivy.findElement(By.id("step-back")).click();
            wait(ivy).until(ExpectedConditions.visibilityOfElementLocated(By.id("primary-member")));
            ivy.findElement(By.id("step-back")).click();
            wait(ivy).until(d -> new org.openqa.selenium.support.ui.Select(d.findElement(By.id("contact"))).getFirstSelectedOption().getText()
                    .startsWith("Grace Founder"));
            ivy.findElement(By.id("step-next")).click();
            wait(ivy).until(d -> new org.openqa.selenium.support.ui.Select(d.findElement(By.id("primary-member"))).getFirstSelectedOption()
                    .getText().equals("Ivy Interviewer (Partner)"));
            ivy.findElement(By.id("step-next")).click();
            wait(ivy).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#interview-slots button[aria-pressed='true']")));
            assertThat(ivy.findElement(By.id("step-error")).getText()).isEmpty();
            ivy.findElement(By.id("step-next")).click();
            wait(ivy).until(ExpectedConditions.elementToBeClickable(By.id("add-guest"))).click();
            ivy.findElement(By.id("guest-name-0")).sendKeys("Olive Observer");
            ivy.findElement(By.id("guest-email-0")).sendKeys("olive-" + tag + "@example.com");
            ivy.findElement(By.id("guest-company-0")).sendKeys("Partner VC");
            // Another contact of Acme comes along as a guest; Grace, the interview's contact, is not offered (invited anyway).
            Select contacts = new Select(ivy.findElement(By.id("guest-contact")));
            assertThat(contacts.getOptions()).extracting(WebElement::getText).noneMatch(o -> o.startsWith("Grace Founder"));
            contacts.selectByVisibleText("Hugo Advisor <hugo-" + tag + "@example.com>");
            wait(ivy).until(ExpectedConditions.textToBePresentInElementLocated(By.id("guest-rows"), "a contact of the startup"));
            // Ivy, Grace and the two guests, for the type's length.
            assertThat(ivy.findElement(By.id("guest-count")).getText()).startsWith("2 guests · 4 taking part · ").endsWith(" minutes");
            ivy.findElement(By.id("step-next")).click();
            wait(ivy).until(ExpectedConditions.visibilityOfElementLocated(By.id("meeting-zone")));
            // The meeting's time and length in the zone typed (and for Ivy, when hers differs), as it is typed.
            assertThat(ivy.findElement(By.id("meeting-summary")).getText()).endsWith("(Europe/Berlin) · 60 minutes");
            WebElement meetingZone = ivy.findElement(By.id("meeting-zone"));
            meetingZone.sendKeys(Keys.chord(Keys.CONTROL, "a"), "America/New_York");
            wait(ivy).until(ExpectedConditions.textToBePresentInElementLocated(By.id("meeting-summary"),
                    "(America/New_York) · 60 minutes (for you: "));
            meetingZone.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Europe/Berlin");
            wait(ivy).until(d -> d.findElement(By.id("meeting-summary")).getText().endsWith("(Europe/Berlin) · 60 minutes"));
            // Notes in Markdown, "deck" made bold with the toolbar.
            WebElement notes = ivy.findElement(By.id("prep-notes"));
            notes.sendKeys("Read the deck first");
            ((JavascriptExecutor) ivy).executeScript("arguments[0].setSelectionRange(9, 13)", notes);
            ivy.findElement(By.cssSelector("button[data-format='bold']")).click();
            notes.sendKeys(Keys.END, Keys.ENTER, Keys.ENTER, "- churn", Keys.ENTER, "- pricing");
            assertThat(notes.getAttribute("value")).isEqualTo("Read the **deck** first\n\n- churn\n- pricing");
            ivy.findElement(By.id("questions")).sendKeys("Why now?");
            ivy.findElement(By.id("step-next")).click();
            wait(ivy).until(ExpectedConditions.visibilityOfElementLocated(By.id("review")));
            assertThat(ivy.findElement(By.id("review")).getText()).contains("Acme " + tag).contains("(Europe/Berlin)");
            assertThat(ivy.findElement(By.id("review-when")).getText()).endsWith("(Europe/Berlin) · 60 minutes");
            ivy.findElement(By.id("step-next")).click();

            wait(ivy).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Interview scheduled"));
            // Scheduled, or already confirmed when the local Cal.com's booking webhook came back through calcom-gateway first;
            // the draft's page it was continued from is drawn again.
            String detail = wait(ivy).until(d -> {
                String text = d.findElement(By.id("interview-detail")).getText();
                return text.contains("scheduled") || text.contains("confirmed") ? text : null;
            });
            assertThat(detail).contains("Interview with Acme " + tag).contains("Olive Observer").contains("Hugo Advisor").contains("sent");
            JsonNode sent = new ObjectMapper().readTree(client.call("GET", "/api/interviews/"
                    + ivy.getCurrentUrl().substring(ivy.getCurrentUrl().lastIndexOf('/') + 1), admin, null, 200));
            assertThat(sent.toString()).contains("\"company\":\"Partner VC\"");
            // The guests with their roles and companies (Hugo's from his contact and its startup), the team with theirs.
            java.util.function.Function<String, List<String>> guestCells = name -> ivy.findElements(By.cssSelector("#guests tbody tr")).stream()
                    .filter(r -> r.getText().startsWith(name)).findFirst().orElseThrow().findElements(By.tagName("td")).stream()
                    .map(WebElement::getText).toList();
            assertThat(guestCells.apply("Olive Observer")).startsWith("Olive Observer", "—", "Partner VC");
            assertThat(guestCells.apply("Hugo Advisor")).startsWith("Hugo Advisor", "Advisor", "Acme " + tag);
            assertThat(ivy.findElement(By.id("interview-team")).getText()).isEqualTo("Team: Ivy Interviewer (Partner, primary interviewer)");
            assertThat(sent.path("customDurationMinutes").asInt()).isEqualTo(60);
            assertThat(Duration.between(java.time.Instant.parse(sent.path("startAt").asText()), java.time.Instant.parse(sent.path("endAt").asText())))
                    .isEqualTo(Duration.ofHours(1));
            assertThat(detail).contains("60 minutes").contains("Cal.com booking " + sent.path("calcomBookingUid").asText());
            assertThat(ivy.findElement(By.id("interview-when")).getText()).as("its start and its end, in Ivy's zone")
                    .endsWith("(Europe/Berlin) until " + java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                            .withZone(java.time.ZoneId.of("Europe/Berlin")).format(java.time.Instant.parse(sent.path("endAt").asText()))
                            + " · 60 minutes");
            // The local Cal.com's types meet on Cal Video.
            assertThat(sent.path("meetingProvider").asText()).isEqualTo("cal-video");
            assertThat(ivy.findElement(By.id("join")).getText()).isEqualTo("Join the meeting on Cal Video");
            // The notes for the team, formatted, and the questions.
            assertThat(ivy.findElement(By.cssSelector("#interview-notes p strong")).getText()).isEqualTo("deck");
            assertThat(ivy.findElements(By.cssSelector("#interview-notes ul li"))).extracting(WebElement::getText).containsExactly("churn", "pricing");
            assertThat(detail).contains("Why now?");
            // What became of each mail: the page reads it again until every mail is taken by the mail server (GreenMail here).
            wait(ivy).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#invitation-mails li[data-mail='olive-" + tag + "@example.com']"),
                    "Olive Observer <olive-" + tag + "@example.com>, guest: invitation sent ("));
            assertThat(guestCells.apply("Olive Observer").get(4)).as("the guest table says what the Mails section says")
                    .startsWith("invitation sent (");
            assertThat(onOneLine(ivy, "[...document.querySelectorAll('#guests td')].find(c => c.textContent === 'Advisor')"))
                    .as("a role is not broken mid-word (\"Adviso r\")").isTrue();
            assertThat(onOneLine(ivy, "[...document.querySelectorAll('#guests td')].find(c => c.textContent.startsWith('olive-'))"))
                    .as("nor an address (\"example.co m\")").isTrue();
            assertThat(ivy.findElements(By.id("interview-change-hint"))).as("Ivy sent it: she moves or cancels it here").isEmpty();

            // Ivy adds a guest to the sent interview: Pia gets the invitation, everyone else the updated one.
            String pia = "pia-" + tag + "@example.com";
            ivy.findElement(By.id("change-guests")).click();
            wait(ivy).until(ExpectedConditions.elementToBeClickable(By.id("add-guest"))).click();
            List<WebElement> guestNames = ivy.findElements(By.cssSelector("#guest-rows input[id^='guest-name-']"));
            WebElement piaName = guestNames.get(guestNames.size() - 1);
            piaName.sendKeys("Pia Partner");
            ivy.findElement(By.id(piaName.getAttribute("id").replace("guest-name-", "guest-email-"))).sendKeys(pia);
            assertThat(ivy.findElement(By.id("guest-count")).getText()).startsWith("3 guests");
            ivy.findElement(By.id("save-guests")).click();
            wait(ivy).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Guests saved. Everyone in the interview"));
            wait(ivy).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#invitation-mails li[data-mail='" + pia + "']"), "Pia Partner <" + pia + ">, guest: invitation sent ("));
            assertThat(guestCells.apply("Pia Partner")).startsWith("Pia Partner", "—", "—", pia);
            assertThat(client.awaitCalendars(pia, 1, Duration.ofSeconds(30)).get(0)).contains("METHOD:REQUEST").contains("Pia Partner");
            String interviewId = ivy.getCurrentUrl().substring(ivy.getCurrentUrl().lastIndexOf('/') + 1);
            String firstStart = client.call("GET", "/api/interviews/" + interviewId, admin, null, 200);

            // Ivy moves it to a free time the day after: Cal.com (the local one, through calcom-gateway) books the new time.
            WebElement moveDay = wait(ivy).until(ExpectedConditions.visibilityOfElementLocated(By.id("reschedule-day")));
            String nextDay = LocalDate.parse(moveDay.getAttribute("value")).plusDays(1).toString();
            ((JavascriptExecutor) ivy).executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));",
                    moveDay, nextDay);
            WebElement newTime = wait(ivy).until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#reschedule-slots button[data-start^='" + nextDay + "']")));
            String movedTo = newTime.getAttribute("data-start");
            shot(ivy, "09-interview-detail");
            newTime.click();
            Alert move = wait(ivy).until(ExpectedConditions.alertIsPresent());
            assertThat(move.getText()).startsWith("Move the interview to ");
            move.accept();
            wait(ivy).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Everyone gets the new time"));
            String moved = client.call("GET", "/api/interviews/" + interviewId, admin, null, 200);
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(moved).path("startAt").asText())
                    .isEqualTo(java.time.OffsetDateTime.parse(movedTo).toInstant().toString());
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(moved).path("calcomBookingUid").asText())
                    .isNotEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readTree(firstStart).path("calcomBookingUid").asText());

            // From Acme's page, the wizard opens with Acme chosen and its contacts offered; closed at once, it leaves no draft.
            ivy.get(app + "#/startups/" + acme);
            // Its page lists the interview (moved: the new time).
            WebElement listed = wait(ivy).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#startup-interviews a[href='#/interviews/" + interviewId + "']")));
            assertThat(listed.getText()).contains(LocalDate.parse(nextDay).getDayOfMonth() + " ");
            // A contact's role and the startup's website are corrected in place.
            WebElement hugoRow = wait(ivy).until(d -> d.findElements(By.cssSelector("#startup-contacts tbody tr")).stream()
                    .filter(r -> r.getText().startsWith("Hugo Advisor")).findFirst().orElse(null));
            hugoRow.findElement(By.cssSelector("button[data-contact-edit]")).click();
            WebElement hugoRole = wait(ivy).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#startup-contacts input[data-edit='role']")));
            hugoRole.clear();
            hugoRole.sendKeys("Board advisor");
            ivy.findElement(By.cssSelector("#startup-contacts button[data-save]")).click();
            wait(ivy).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Hugo Advisor is saved."));
            wait(ivy).until(d -> d.findElements(By.cssSelector("#startup-contacts tbody tr")).stream()
                    .anyMatch(r -> r.getText().startsWith("Hugo Advisor") && r.getText().contains("Board advisor")));
            wait(ivy).until(ExpectedConditions.elementToBeClickable(By.id("edit-startup"))).click();
            WebElement website = wait(ivy).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#startup-detail input[data-edit='website']")));
            website.clear();
            website.sendKeys("acme-" + tag + ".example");
            ivy.findElement(By.cssSelector("#startup-detail button[data-save]")).click();
            wait(ivy).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Acme " + tag + " is saved."));
            wait(ivy).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#startup-detail a[href='https://acme-" + tag + ".example']")));
            assertThat(new ObjectMapper().readTree(client.call("GET", "/api/startups/" + acme, admin, null, 200)).path("contacts").toString())
                    .contains("\"role\":\"Board advisor\"");
            // A contact added by mistake is removed; Grace, whom the interview names, stays (the API's reason shows).
            String typo = new ObjectMapper().readTree(client.call("POST", "/api/startups/" + acme + "/contacts", admin,
                    "{\"name\":\"Grace Typo\",\"email\":\"grace-" + tag + "@exmaple.com\"}", 201)).path("id").asText();
            ivy.navigate().refresh();
            wait(ivy).until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-contact-remove='" + typo + "']"))).click();
            Alert removal = wait(ivy).until(ExpectedConditions.alertIsPresent());
            assertThat(removal.getText()).isEqualTo("Remove Grace Typo from Acme " + tag + "'s contacts?");
            removal.accept();
            wait(ivy).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"),
                    "Grace Typo is no longer a contact of Acme " + tag + "."));
            wait(ivy).until(d -> d.findElements(By.cssSelector("tr[data-contact-row='" + typo + "']")).isEmpty());
            WebElement graceRow = wait(ivy).until(d -> d.findElements(By.cssSelector("#startup-contacts tbody tr")).stream()
                    .filter(r -> r.getText().startsWith("Grace Founder")).findFirst().orElse(null));
            graceRow.findElement(By.cssSelector("button[data-contact-remove]")).click();
            wait(ivy).until(ExpectedConditions.alertIsPresent()).accept();
            wait(ivy).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Grace Founder is named by "));
            assertThat(new ObjectMapper().readTree(client.call("GET", "/api/startups/" + acme, admin, null, 200)).path("contacts").toString())
                    .contains("Grace Founder").doesNotContain("Grace Typo");
            ivy.findElement(By.id("schedule-for-startup")).click();
            wait(ivy).until(d -> new Select(d.findElement(By.id("contact"))).getOptions().size() == 3);
            assertThat(new Select(ivy.findElement(By.id("startup"))).getFirstSelectedOption().getText()).isEqualTo("Acme " + tag);
            assertThat(new Select(ivy.findElement(By.id("contact"))).getOptions()).extracting(WebElement::getText)
                    .contains("Grace Founder <grace-" + tag + "@example.com>", "Hugo Advisor <hugo-" + tag + "@example.com>");
            // Step 1 finds a startup by part of its name; the only one that has it is chosen, with its contacts.
            ivy.findElement(By.id("startup-find")).sendKeys("aa 42 " + tag);
            wait(ivy).until(d -> new Select(d.findElement(By.id("startup"))).getFirstSelectedOption().getText().equals("Aa 42 " + tag)
                    && new Select(d.findElement(By.id("contact"))).getOptions().size() == 1);
            ivy.findElement(By.id("startup-find")).clear();
            ivy.findElement(By.id("startup-find")).sendKeys("CME " + tag.toUpperCase());
            wait(ivy).until(d -> new Select(d.findElement(By.id("startup"))).getFirstSelectedOption().getText().equals("Acme " + tag)
                    && new Select(d.findElement(By.id("contact"))).getOptions().size() == 3);
            shot(ivy, "19-wizard-startup-found");
            ivy.findElement(By.id("wizard-close")).click();

            // Fifty drafts more: the list shows a page of fifty, "Show more interviews" the last one.
            sql("INSERT INTO interview (id, status, origin, created_by, startup_id, created_at, updated_at) SELECT gen_random_uuid(), "
                    + "'draft', 'flow', i.created_by, i.startup_id, i.created_at - n * interval '1 minute', now() "
                    + "FROM interview i, generate_series(1, 50) n WHERE i.id = '" + interviewId + "'::uuid", 50);
            ivy.get(app + "#/interviews");
            wait(ivy).until(d -> d.findElements(By.cssSelector("#interview-rows tr")).size() == 50
                    && d.findElement(By.id("more-interviews")).isDisplayed());
            ivy.findElement(By.id("more-interviews")).click();
            wait(ivy).until(d -> d.findElements(By.cssSelector("#interview-rows tr")).size() == 51
                    && !d.findElement(By.id("more-interviews")).isDisplayed());
            // Only the drafts: the fifty, not the sent interview; and no cancelled ones.
            new Select(ivy.findElement(By.id("interview-status"))).selectByVisibleText("Drafts");
            wait(ivy).until(d -> d.findElements(By.cssSelector("#interview-rows tr")).size() == 50
                    && d.findElements(By.cssSelector("#interview-rows a[href='#/interviews/" + interviewId + "']")).isEmpty());
            new Select(ivy.findElement(By.id("interview-status"))).selectByVisibleText("Cancelled");
            wait(ivy).until(ExpectedConditions.textToBePresentInElementLocated(By.id("interview-rows"), "No cancelled interviews."));
            // They are all Acme's: its page too lists fifty, then the last one.
            ivy.get(app + "#/startups/" + acme);
            wait(ivy).until(d -> d.findElements(By.cssSelector("#startup-interviews tbody tr")).size() == 50
                    && d.findElement(By.id("more-startup-interviews")).isDisplayed());
            ivy.findElement(By.id("more-startup-interviews")).click();
            wait(ivy).until(d -> d.findElements(By.cssSelector("#startup-interviews tbody tr")).size() == 51
                    && !d.findElement(By.id("more-startup-interviews")).isDisplayed());
            ivy.get(app + "#/interviews");

            // On a phone's width, the startup's name grown a long unbroken word: a state ("scheduled", "draft") stays on one
            // line; it was once split letter by letter.
            sql("UPDATE startup SET name = name || ' 1796440469.4401772' WHERE id = (SELECT startup_id FROM interview WHERE id = '"
                    + interviewId + "'::uuid)");
            ivy.manage().window().setSize(new Dimension(390, 844));
            wait(ivy).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return window.innerWidth <= 420"));
            ivy.navigate().refresh();
            wait(ivy).until(ExpectedConditions.textToBePresentInElementLocated(By.id("interview-rows"), "1796440469.4401772"));
            assertThat((Boolean) ((JavascriptExecutor) ivy).executeScript(
                    "return [...document.querySelectorAll('#interview-rows tr td:last-child')].every(td => {"
                            + " const r = document.createRange(); r.selectNodeContents(td); return r.getClientRects().length === 1; })"))
                    .as("every state on one line").isTrue();

            // Had it taken place (its time moved 60 days back here), it would be over: the list and the page say so, with no
            // link to join and nothing to move or cancel.
            sql("UPDATE interview SET start_at = start_at - interval '60 days', end_at = end_at - interval '60 days' WHERE id = '"
                    + interviewId + "'::uuid");
            ivy.navigate().refresh();
            wait(ivy).until(ExpectedConditions.textToBePresentInElementLocated(By.id("interview-rows"), ", over"));
            ivy.get(app + "#/interviews/" + interviewId);
            wait(ivy).until(ExpectedConditions.textToBePresentInElementLocated(By.id("interview-state"), "This interview is over"));
            assertThat(ivy.findElements(By.id("join"))).isEmpty();
            assertThat(ivy.findElements(By.id("interview-change"))).isEmpty();
            assertThat(ivy.findElements(By.id("interview-change-hint"))).isEmpty();
            sql("UPDATE interview SET start_at = start_at + interval '60 days', end_at = end_at + interval '60 days' WHERE id = '"
                    + interviewId + "'::uuid");

            // Had Cal.com answered its booking "pending" (an event type that needs its host's confirmation; the seeded ones do
            // not), the list and the page would say it waits for the host.
            sql("UPDATE interview SET awaiting_host = true WHERE id = '" + interviewId + "'::uuid");
            ivy.get(app + "#/interviews");
            wait(ivy).until(ExpectedConditions.textToBePresentInElementLocated(By.id("interview-rows"), ", awaiting the host"));
            ivy.get(app + "#/interviews/" + interviewId);
            wait(ivy).until(ExpectedConditions.textToBePresentInElementLocated(By.id("interview-state"),
                    "Waiting for the host to confirm this booking on Cal.com"));
            sql("UPDATE interview SET awaiting_host = false WHERE id = '" + interviewId + "'::uuid");
            ivy.get(app + "#/interviews");
            wait(ivy).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#interview-rows tr")));

            // Ivy cancels it, saying why: Cal.com cancels the booking, and the page says so and why, and offers no link to join,
            // though the meeting has one, nor anything left to move or cancel.
            ivy.get(app + "#/interviews/" + interviewId);
            wait(ivy).until(ExpectedConditions.visibilityOfElementLocated(By.id("cancel-reason"))).sendKeys("The founder is ill");
            ivy.findElement(By.id("cancel-interview")).click();
            Alert cancel = wait(ivy).until(ExpectedConditions.alertIsPresent());
            assertThat(cancel.getText()).startsWith("Cancel this interview?");
            cancel.accept();
            wait(ivy).until(ExpectedConditions.textToBePresentInElementLocated(By.id("interview-state"), "Cancelled: The founder is ill"));
            assertThat(client.call("GET", "/api/interviews/" + interviewId, admin, null, 200)).contains("\"meetingUrl\":\"http");
            assertThat(ivy.findElements(By.id("join"))).isEmpty();
            assertThat(ivy.findElements(By.id("interview-change"))).as("nothing left to move or cancel").isEmpty();
            assertThat(ivy.findElements(By.id("interview-change-hint"))).isEmpty();
            // Olive, the guest, got the invitation, the new time (the same UID, a higher SEQUENCE), then the cancellation.
            String olive = "olive-" + tag + "@example.com";
            List<String> invitations = client.awaitCalendars(olive, 3, Duration.ofSeconds(60));
            for (int i = 0; i < 100 && !invitations.get(invitations.size() - 1).contains("METHOD:CANCEL"); i++) {
                Thread.sleep(300);
                invitations = client.calendars(olive);
            }
            String last = invitations.get(invitations.size() - 1);
            assertThat(last).contains("METHOD:CANCEL").contains("STATUS:CANCELLED");
            assertThat(StackClient.line(last, "UID:")).isEqualTo(StackClient.line(invitations.get(0), "UID:"));
            assertThat(Integer.parseInt(StackClient.line(last, "SEQUENCE:"))).isGreaterThanOrEqualTo(2);
            assertThat(invitations.subList(1, invitations.size() - 1)).as("the new time")
                    .anyMatch(ics -> ics.contains("METHOD:REQUEST") && ics.contains(nextDay.replace("-", "")));

            // Still on a phone's width, the startup name's long unbroken word: the heading breaks it, and its state badge stays
            // on the screen.
            wait(ivy).until(ExpectedConditions.textToBePresentInElementLocated(By.id("interview-detail"), "1796440469.4401772"));
            assertThat((Boolean) ((JavascriptExecutor) ivy).executeScript("return [...document.querySelectorAll('#interview-detail *')]"
                    + ".every(e => e.getBoundingClientRect().right <= window.innerWidth)")).as("nothing beyond the screen's edge").isTrue();
            // The guests read one block per person: an address is not broken mid-word into a narrow column.
            assertThat(onOneLine(ivy, "[...document.querySelectorAll('#guests td')].find(c => c.textContent.includes('olive-'))"))
                    .as("the guest's address on one line").isTrue();
            // So is the contact's, moved whole to a line of its own rather than broken at its hyphen.
            assertThat(onOneLine(ivy, "document.querySelector('#interview-contact .address')"))
                    .as("the contact's address on one line").isTrue();
            shot(ivy, "10-phone-interview-detail");
        } finally {
            ivy.quit();
            sam.quit();
        }
    }

    @Test
    void aPersonWhoseSignInStatesNoZoneReadsAndIsWrittenToInTheirBrowsersZoneAndStaysSignedInPastTheHour() throws Exception {
        // Google's ID tokens carry no zone; at the local Google, an account chosen with the zone left empty is like theirs.
        String email = "nina-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        WebDriver nina = browser(java.util.Map.of("TZ", "America/Chicago"));
        try {
            signIn(nina, email, "Nina Nozone", "", null);
            wait(nina).until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "Nina Nozone · America/Chicago"));
            // The app kept the browser's zone as hers, so what is sent to her is written in it.
            sql("UPDATE users SET updated_at = updated_at WHERE email = '" + email + "' AND time_zone = 'America/Chicago'", 1);
            // Her "Schedulr Meetings" calendar, made as she signed up, is in that zone too, not in UTC.
            JsonNode calendars = new ObjectMapper().readTree(java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(client.stack().endpoints().issuerUrl() + "/_control/calendars?email=" + email)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body());
            assertThat(calendars.path("items").findParents("summary").stream()
                    .filter(c -> c.path("summary").asText().equals("Schedulr Meetings")).map(c -> c.path("timeZone").asText()))
                    .containsExactly("America/Chicago");

            // She picks the zone times are shown in on this device (reached from the zone beside her name): it is kept as
            // hers too, stays over a reload, and following the device again brings the browser's back.
            nina.findElement(By.id("zone-link")).click();
            new Select(wait(nina).until(ExpectedConditions.elementToBeClickable(By.id("zone-choice")))).selectByValue("Asia/Tokyo");
            wait(nina).until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "Nina Nozone · Asia/Tokyo"));
            sql("UPDATE users SET updated_at = updated_at WHERE email = '" + email + "' AND time_zone = 'Asia/Tokyo'", 1);
            nina.navigate().refresh();
            wait(nina).until(ExpectedConditions.textToBePresentInElementLocated(By.id("zone-now"), "are in Asia/Tokyo"));
            ((JavascriptExecutor) nina).executeScript("document.getElementById('zone-card').scrollIntoView();");
            shot(nina, "15-zone-picked");
            new Select(nina.findElement(By.id("zone-choice"))).selectByValue("");
            wait(nina).until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "Nina Nozone · America/Chicago"));
            sql("UPDATE users SET updated_at = updated_at WHERE email = '" + email + "' AND time_zone = 'America/Chicago'", 1);

            // An hour later the ID token the tab holds has run out (Google's last an hour): the app signs her in again
            // without any page, while the browser is still signed in to Google, and she stays on the page she was on.
            nina.get(app + "#/reminders");
            wait(nina).until(ExpectedConditions.visibilityOfElementLocated(By.id("save-reminders")));
            String first = tokenOf(nina);
            ((JavascriptExecutor) nina).executeScript(LAPSE + "location.reload();");
            wait(nina).until(d -> !first.equals(tokenOf(d)) && !d.findElements(By.id("save-reminders")).isEmpty());
            assertThat(nina.findElements(By.id("sign-in"))).as("no sign-in page shown").isEmpty();
            assertThat(nina.getCurrentUrl()).endsWith("#/reminders").doesNotContain("code=");

            // An API that no longer takes her token mid-use (401) leads to the same.
            ((JavascriptExecutor) nina).executeScript("const s = JSON.parse(sessionStorage.getItem('schedulr.session'));"
                    + " s.idToken = 'no-longer-taken'; sessionStorage.setItem('schedulr.session', JSON.stringify(s));"
                    + " location.hash = '#/sessions';");
            wait(nina).until(d -> !"no-longer-taken".equals(tokenOf(d)) && tokenOf(d) != null
                    && !d.findElements(By.id("offer-form")).isEmpty());

            // A change refused for that reason is not lost: after the renewal she is offered to save it, and it is saved.
            nina.get(app + "#/reminders");
            wait(nina).until(ExpectedConditions.elementToBeClickable(By.id("save-reminders")));
            nina.findElement(By.id("channel-popup")).click();
            ((JavascriptExecutor) nina).executeScript("const original = window.fetch; window.fetch = (url, init) => {"
                    + " if (init && init.method === 'PUT' && String(url).includes('/api/me/preferences')) {"
                    + "   init = { ...init, headers: { ...init.headers, Authorization: 'Bearer no-longer-taken' } }; window.fetch = original; }"
                    + " return original(url, init); };");
            String before = tokenOf(nina);
            nina.findElement(By.id("save-reminders")).click();
            WebElement saveAgain = wait(nina).until(ExpectedConditions.elementToBeClickable(By.id("unsaved-save")));
            assertThat(tokenOf(nina)).as("renewed").isNotEqualTo(before);
            assertThat(nina.findElement(By.id("unsaved")).getText()).contains("Your sign-in had ended, so this was not saved: your reminder settings");
            assertThat(nina.findElement(By.id("channel-email")).isSelected()).as("the page shows what is stored").isTrue();
            shot(nina, "14-unsaved-change");
            saveAgain.click();
            wait(nina).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Saved"));
            wait(nina).until(d -> d.findElement(By.id("channel-popup")).isSelected() && !d.findElement(By.id("unsaved")).isDisplayed());
            sql("UPDATE user_preferences SET reminder_channel = reminder_channel WHERE reminder_channel = 'popup' AND user_id = "
                    + "(SELECT id FROM users WHERE email = '" + email + "')", 1);

            // Signed out of Google in this browser: the next lapse (more than 10 minutes after the renewals above, which are
            // bounded) asks her to sign in, and says why.
            nina.manage().deleteAllCookies();
            ((JavascriptExecutor) nina).executeScript(LAPSE + "sessionStorage.removeItem('schedulr.silent-renewals'); location.reload();");
            wait(nina).until(ExpectedConditions.elementToBeClickable(By.id("sign-in")));
            assertThat(nina.findElement(By.id("notice")).getText()).contains("Your sign-in has ended");
        } finally {
            nina.quit();
        }
    }

    /** The tab's sign-in as it stands an hour later: its ID token run out. */
    private static final String LAPSE = "const s = JSON.parse(sessionStorage.getItem('schedulr.session'));"
            + " s.expiresAt = new Date(0).toISOString(); sessionStorage.setItem('schedulr.session', JSON.stringify(s));";

    private static String tokenOf(WebDriver browser) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "const s = JSON.parse(sessionStorage.getItem('schedulr.session') || 'null'); return s && s.idToken;");
    }

    private static void localGoogle(String path, String json) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(client.stack().endpoints().issuerUrl() + path)).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
    }

    private static WebDriver browser() {
        return browser(java.util.Map.of());
    }

    /** @param environment of chromedriver and so of the browser, e.g. TZ: the zone the browser reads clocks in */
    private static WebDriver browser(java.util.Map<String, String> environment) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Path.of("/usr/bin/chromium").toFile().exists() ? "/usr/bin/chromium" : "chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().withEnvironment(environment).build();
        return new ChromeDriver(service, options);
    }

    private static void sql(String update) throws Exception {
        sql(update, 1);
    }

    /** {@code count} sessions of the room's host, unbooked, the i-th (from 1) starting at {@code start}, an hour long. */
    private static void copiesOf(String roomId, int count, String start) throws Exception {
        sql("INSERT INTO practice_rooms (id, host_id, room_url, datetime_utc, ends_at, ics_uid) SELECT gen_random_uuid(), r.host_id, "
                + "r.room_url, " + start + ", " + start + " + interval '60 minutes', gen_random_uuid() "
                + "FROM practice_rooms r, generate_series(1, " + count + ") i WHERE r.id = '" + roomId + "'::uuid", count);
    }

    private static void sql(String update, int rows) throws Exception {
        var endpoints = client.stack().endpoints();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(endpoints.jdbcUrl("scheduling"), endpoints.postgresUser(),
                endpoints.postgresPassword()); java.sql.Statement s = c.createStatement()) {
            assertThat(s.executeUpdate(update)).isEqualTo(rows);
        }
    }

    /** Sign in with Google: our page, the local Google's account chooser, back to the app. */
    /** Whether the text of the element {@code element} (a script expression) sits on one line of the page. */
    private static boolean onOneLine(WebDriver browser, String element) {
        return (Boolean) ((JavascriptExecutor) browser).executeScript("const e = " + element + "; const r = document.createRange();"
                + " r.selectNodeContents(e);"
                + " return [...r.getClientRects()].filter(x => x.width > 0).map(x => x.top).filter((t, i, a) => a.indexOf(t) === i).length === 1");
    }

    private static void signIn(WebDriver browser, String email, String name, String zone, String screenshot) throws Exception {
        signIn(browser, "", email, name, zone, screenshot);
    }

    /** Signs in from {@code page} of the app ("#/slots"), as a person who followed a link to it would. */
    private static void signIn(WebDriver browser, String page, String email, String name, String zone, String screenshot) throws Exception {
        signIn(browser, page, email, name, zone, screenshot, null);
    }

    /**
     * Signs in, unticking {@code untick} (a Calendar scope) on Google's consent screen — the local Google's knob for it,
     * carried through its account chooser like the rest of the request.
     */
    private static void signIn(WebDriver browser, String page, String email, String name, String zone, String screenshot, String untick)
            throws Exception {
        browser.get(app + page);
        WebElement button = wait(browser).until(ExpectedConditions.elementToBeClickable(By.id("sign-in")));
        if (screenshot != null) {
            shot(browser, screenshot);
        }
        button.click();
        wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(email);
        browser.findElement(By.id("name")).sendKeys(name);
        WebElement tz = browser.findElement(By.id("tz"));
        tz.clear();
        tz.sendKeys(zone);
        if (untick != null) {
            ((JavascriptExecutor) browser).executeScript("const i = document.createElement('input'); i.type = 'hidden';"
                    + " i.name = 'drop_scopes'; i.value = arguments[0]; document.querySelector('form').append(i);", untick);
        }
        browser.findElement(By.cssSelector("button[type='submit']")).click();
    }

    /** The sessions list once it shows the text: the notice of a change comes before the list is loaded again. */
    private static String sessionsShowing(WebDriver browser, String text) {
        wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("session-list"), text));
        return browser.findElement(By.id("session-list")).getText();
    }

    /**
     * Clicks Book on the host's open session until the app says it is booked. A calendar connected a moment ago reaches
     * scheduling-service over Kafka; until it has (and while calendar-sync-service is too slow to confirm it) a booking is
     * refused, and the app says so — the guest clicks again, as a person would (StackClient retries API calls alike).
     */
    private static void bookAsAPersonWould(WebDriver guest, String hostName) throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(20);
        for (;;) {
            WebElement session = wait(guest).until(d -> d.findElements(By.cssSelector("#session-list li[data-room]")).stream()
                    .filter(li -> li.getText().contains(hostName)).findFirst().orElse(null));
            session.findElement(By.cssSelector("button[data-action='book']")).click();
            String said = wait(guest).until(d -> {
                String text = d.findElement(By.id("notice")).getText();
                return text.contains("Booked") || text.contains("Google Calendar") ? text : null;
            });
            if (said.contains("Booked") || java.time.Instant.now().isAfter(deadline)) {
                assertThat(said).contains("Booked");
                return;
            }
            Thread.sleep(500);
        }
    }

    /** Signed up with the calendar granted on the sign-in's consent screen: no gate, the app's page at once. */
    private static void signedUp(WebDriver browser, String landsOn) {
        wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id(landsOn)));
        assertThat(browser.findElements(By.id("connect-calendar"))).as("no calendar gate").isEmpty();
    }

    /**
     * The gate: nothing but "connect your calendar" until it is connected; connecting there (the local Google consents at
     * once) shows the sessions page.
     */
    private static void connect(WebDriver browser, String screenshot) throws Exception {
        WebElement gate = wait(browser).until(ExpectedConditions.elementToBeClickable(By.id("connect-calendar")));
        assertThat(browser.findElement(By.id("view")).getText()).contains("Connect your calendar");
        assertThat(browser.findElements(By.id("offer-form"))).as("no sessions before the calendar is connected").isEmpty();
        if (screenshot != null) {
            shot(browser, screenshot);
        }
        gate.click();
        wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Your Google Calendar is connected"));
        wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("offer-form")));
    }

    /** A datetime-local field's value as the picker sets it (typing into it depends on the browser's locale). */
    private static void setDateTime(WebDriver browser, WebElement input, LocalDateTime value) {
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                input, value.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
    }

    /** Polls through page changes: an element read while the browser navigates (Google's redirects) is simply read again. */
    private static org.openqa.selenium.support.ui.Wait<WebDriver> wait(WebDriver browser) {
        return new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.WebDriverException.class);
    }

    /**
     * Every page screenshotted is also read as a screen reader would: each visible control has a name (its label, an
     * aria-label or its text), each image a text, and no id is used twice (a label would point at the wrong field).
     */
    private static void shot(WebDriver browser, String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) ((JavascriptExecutor) browser).executeScript(UNNAMED_OR_DUPLICATED);
        assertThat(problems).as(name + ": controls without a name, images without a text, ids used twice").isEmpty();
    }

    private static final String UNNAMED_OR_DUPLICATED = """
            const named = el => ((el.getAttribute('aria-label') || '') + ' ' + [...(el.labels || [])].map(l => l.textContent).join(' ')
                + ' ' + (['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName) ? '' : el.textContent) + ' ' + (el.getAttribute('title') || '')).trim();
            const visible = el => el.getClientRects().length > 0;
            const unnamed = [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button, a[href]')]
                .filter(el => visible(el) && !named(el)).map(el => 'no name: ' + el.outerHTML.slice(0, 160));
            const noText = [...document.querySelectorAll('img:not([alt])')].map(el => 'no alt: ' + el.outerHTML.slice(0, 160));
            const ids = [...document.querySelectorAll('[id]')].map(el => el.id);
            const twice = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))].map(id => 'id twice: ' + id);
            return [...unnamed, ...noText, ...twice];
            """;
}
