package io.schedulr.scheduling.web;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * The web app is served from this service's root, entirely by us (no CDN): its page, scripts and styles, and the
 * public settings it reads before anyone has signed in. Its flows are tested in a browser by deploy's WebAppBrowserTest.
 */
@QuarkusTest
class WebAppServedTest {

    @Test
    void thePageItsScriptsAndStylesComeFromHereAndNothingFromElsewhere() throws IOException {
        String page = given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/app/main.js")).body(containsString("/app/app.css")).extract().asString();
        org.assertj.core.api.Assertions.assertThat(page).doesNotContain("https://", "//cdn", "fonts.googleapis");
        List<String> scripts;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/META-INF/resources/app"))) {
            scripts = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".js")).sorted().toList();
        }
        org.assertj.core.api.Assertions.assertThat(scripts).contains("main.js", "interviews.js", "notes.js");
        // Nothing loaded from elsewhere: no module, script, fetch or image from another origin (a note's link text may say https://).
        java.util.regex.Pattern elsewhere = java.util.regex.Pattern.compile(
                "(from\\s*['\"`]|import\\s*\\(\\s*['\"`]|fetch\\(\\s*['\"`]|src\\s*[=:]\\s*['\"`])(https?:)?//");
        for (String file : scripts) {
            String script = given().get("/app/" + file).then().statusCode(200).contentType(containsString("javascript")).extract().asString();
            org.assertj.core.api.Assertions.assertThat(elsewhere.matcher(script).find()).as(file + " loads from elsewhere").isFalse();
        }
        given().get("/app/app.css").then().statusCode(200).contentType(containsString("text/css")).body(not(containsString("@import")));
    }

    @Test
    void theSettingsArePublicWhateverTokenComesAlong() {
        given().get("/api/web-config").then().statusCode(200)
                .body("calendarSyncUrl", equalTo("http://localhost:8082")).body("calendarRequired", equalTo(false)); // the test profile turns the gate off (application.properties)
        given().header("Authorization", "Bearer " + Tokens.Refused.EXPIRED.token()).get("/api/web-config").then().statusCode(200);
        given().header("Authorization", "Bearer garbage").get("/api/web-config").then().statusCode(200);
    }
}
