package io.schedulr.scheduling.interview;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.scheduling.interview.InterviewFlowTest.Setup;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.schedulr.scheduling.interview.InterviewApi.get;
import static io.schedulr.scheduling.interview.InterviewApi.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code GET /api/interviews/{id}/invitation-mails}: what notification-service knows of the interview's mails (here its
 * stand-in, which refuses any other key), with who the interview names at each address now, for those who may see it.
 */
@QuarkusTest
class InvitationMailsApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theTeamSeesWhatBecameOfEachMailWithWhoTheInterviewNamesThere() {
        Setup s = Setup.create();
        String id = s.readyDraft(InterviewApi.hoursAhead(24, 10));
        String path = "/api/interviews/" + id + "/invitation-mails";

        get(s.ada(), path).statusCode(200).body("mails", emptyIterable());
        assertThat(fake("/_fake/asked", null)).as("a draft was never mailed: not asked").doesNotContain(id);

        send(s.ada(), id).statusCode(200);
        fake("/_fake/mails/" + id, """
                {"mails":[
                  {"recipient":"Grace-%1$s@acme.test","method":"REQUEST","sequence":1,"state":"SENT","at":"2030-01-01T09:00:01Z","detail":null},
                  {"recipient":"olive-%1$s@partner.test","method":"REQUEST","sequence":1,"state":"BOUNCED","at":"2030-01-01T09:00:06Z",
                   "detail":"550 5.1.1 mailbox unavailable"},
                  {"recipient":"grace.old-%1$s@acme.test","method":"CANCEL","sequence":1,"state":"RETRYING","at":"2030-01-01T09:00:02Z",
                   "detail":"421 try again later"},
                  {"recipient":"%2$s","method":"REQUEST","sequence":1,"state":"WAITING","at":"2030-01-01T09:00:00Z"},
                  {"recipient":"ben-%1$s@example.com","method":"REQUEST","sequence":1,"state":"BEAMED","at":"2030-01-01T09:00:01Z"},
                  {"recipient":"","method":"REQUEST","sequence":1,"state":"SENT","at":"2030-01-01T09:00:01Z"}
                ]}""".formatted(s.tag(), s.ada().email()));

        get(s.ben(), path).statusCode(200)
                .body("mails", hasSize(4))
                .body("mails.email", contains("Grace-" + s.tag() + "@acme.test", "olive-" + s.tag() + "@partner.test",
                        "grace.old-" + s.tag() + "@acme.test", s.ada().email()))
                .body("mails[0].name", equalTo("Grace " + s.tag())).body("mails[0].role", equalTo("contact"))
                .body("mails[0].kind", equalTo("invitation")).body("mails[0].sequence", equalTo(1))
                .body("mails[0].state", equalTo("sent")).body("mails[0].at", equalTo("2030-01-01T09:00:01Z"))
                .body("mails[0].detail", nullValue())
                .body("mails[1].name", equalTo("Olive Observer")).body("mails[1].role", equalTo("guest"))
                .body("mails[1].state", equalTo("bounced")).body("mails[1].detail", equalTo("550 5.1.1 mailbox unavailable"))
                .body("mails[2].name", nullValue()).body("mails[2].role", nullValue())
                .body("mails[2].kind", equalTo("cancellation")).body("mails[2].state", equalTo("retrying"))
                .body("mails[2].detail", equalTo("421 try again later"))
                .body("mails[3].name", equalTo(s.ada().name())).body("mails[3].role", equalTo("interviewer"))
                .body("mails[3].state", equalTo("waiting"));
        get(s.admin(), path).statusCode(200).body("mails", hasSize(4));

        TestUser stranger = Tokens.newUser("Stranger " + s.tag(), "UTC");
        get(stranger, path).statusCode(404).body("code", equalTo("interview_not_found"));
        get(s.ada(), "/api/interviews/not-an-id/invitation-mails").statusCode(400).body("code", equalTo("invalid_interview_id"));
    }

    @Test
    void whenNotificationServiceFailsOrRefusesItIs503AndTheInterviewStillReads() {
        Setup s = Setup.create();
        String id = s.readyDraft(InterviewApi.hoursAhead(24, 11));
        send(s.ada(), id).statusCode(200);
        for (String status : new String[]{"500", "401", "404"}) {
            fake("/_fake/mails/" + id, status);
            get(s.ada(), "/api/interviews/" + id + "/invitation-mails").statusCode(503)
                    .body("code", equalTo("mail_status_unavailable"));
        }
        fake("/_fake/mails/" + id, "{\"nothing\":true}");
        get(s.ada(), "/api/interviews/" + id + "/invitation-mails").statusCode(503).body("code", equalTo("mail_status_unavailable"));
        get(s.ada(), "/api/interviews/" + id).statusCode(200);
    }

    private static String fake(String path, String body) {
        String base = ConfigProvider.getConfig().getValue("quarkus.rest-client.notification.url", String.class);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        request = body == null ? request.GET() : request.PUT(HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
