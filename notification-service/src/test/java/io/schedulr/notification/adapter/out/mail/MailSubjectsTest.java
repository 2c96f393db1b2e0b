package io.schedulr.notification.adapter.out.mail;

import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.mailencoder.MailEncoder;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The Subject as a mail program shows it, after vert.x-mail has written the message: every character survives. */
class MailSubjectsTest {

    @Test
    void charactersOutsideTheBmpArriveIntact() throws Exception {
        assertThat(readBack("Invitation: 😀 𠮷田 with Gary")).isEqualTo("Invitation: 😀 𠮷田 with Gary");
    }

    @Test
    void aLongSubjectIsFoldedIntoWordsOfWholeCharactersAndReadBackWhole() throws Exception {
        String subject = "Reminder: " + "Cello lesson 😀 𠮷田 für Jürgen — ".repeat(8) + "at 09:30 (Europe/Berlin)";
        String message = written(subject);

        assertThat(readBack(subject)).isEqualTo(subject);
        assertThat(message.lines().takeWhile(line -> !line.isEmpty())).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(78));
    }

    @Test
    void plainAsciiIsLeftAsItIsAndNoSubjectAddsAHeader() throws Exception {
        assertThat(MailSubjects.header("Invitation: Cello lesson with Gary @ Thursday, 14 March 2030, 10:30"))
                .isEqualTo("Invitation: Cello lesson with Gary @ Thursday, 14 March 2030, 10:30");
        assertThat(readBack("Cello\r\nBcc: mallory@example.com")).isEqualTo("Cello  Bcc: mallory@example.com");
        assertThat(readBack("Größe 😀\nBcc: mallory@example.com")).isEqualTo("Größe 😀 Bcc: mallory@example.com");
        assertThat(parse(written("Cello\r\nBcc: mallory@example.com")).getHeader("Bcc")).isNull();
    }

    static String readBack(String subject) throws Exception {
        return parse(written(subject)).getSubject();
    }

    static String written(String subject) {
        MailMessage message = new MailMessage().setFrom("Schedulr <notifications@schedulr.test>").setTo(Arrays.asList("gary@example.com"))
                .setSubject(MailSubjects.header(subject)).setText("Hello");
        return new MailEncoder(message, "schedulr.test").encode();
    }

    static MimeMessage parse(String message) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII)));
    }
}
