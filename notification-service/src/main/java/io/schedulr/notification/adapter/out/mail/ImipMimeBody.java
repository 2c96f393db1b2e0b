package io.schedulr.notification.adapter.out.mail;

import io.schedulr.notification.domain.InviteMethod;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * The RFC 6047 message body: {@code multipart/mixed} holding a {@code multipart/alternative} (text/plain, text/html,
 * {@code text/calendar; method=...}) and the same calendar again as the {@code invite.ics} attachment.
 * <p>
 * The Vert.x mail client behind quarkus-mailer can only build alternative(text, html) + attachments, which leaves the
 * calendar part outside the alternative where some clients do not show the invitation bar. So this class writes the
 * MIME tree itself, 7-bit clean (every leaf base64, LF line ends that the SMTP client sends as CRLF), and the mailer sends
 * it as the message body with the top-level Content-Type set to the multipart type.
 */
public record ImipMimeBody(String contentType, String body) {
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII));

    public static ImipMimeBody of(InviteMailContent content, String ics, InviteMethod method) {
        String token = UUID.randomUUID().toString().replace("-", "");
        String mixed = "mixed_" + token;
        String alternative = "alt_" + token;
        String calendarType = "text/calendar; method=" + method.name() + "; charset=UTF-8";
        StringBuilder b = new StringBuilder()
                .append("This is a multi-part message in MIME format.\n")
                .append("--").append(mixed).append('\n')
                .append("Content-Type: multipart/alternative; boundary=\"").append(alternative).append("\"\n")
                .append('\n');
        leaf(b, alternative, "text/plain; charset=UTF-8", null, content.text());
        leaf(b, alternative, "text/html; charset=UTF-8", null, content.html());
        leaf(b, alternative, calendarType, null, ics);
        b.append("--").append(alternative).append("--\n");
        leaf(b, mixed, "application/ics; name=\"invite.ics\"", "attachment; filename=\"invite.ics\"", ics);
        b.append("--").append(mixed).append("--\n");
        return new ImipMimeBody("multipart/mixed; boundary=\"" + mixed + "\"", b.toString());
    }

    private static void leaf(StringBuilder b, String boundary, String contentType, String disposition, String content) {
        b.append("--").append(boundary).append('\n')
                .append("Content-Type: ").append(contentType).append('\n')
                .append("Content-Transfer-Encoding: base64\n");
        if (disposition != null) {
            b.append("Content-Disposition: ").append(disposition).append('\n');
        }
        b.append('\n')
                .append(BASE64.encodeToString(content.getBytes(StandardCharsets.UTF_8))).append('\n');
    }
}
