package io.schedulr.testsupport.google;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * What Google does for {@code sendUpdates=all} (or {@code externalOnly}: every attendee is external here): each
 * attendee other than the organizer gets an iMIP mail from Google Calendar — {@code METHOD:REQUEST} for an insert,
 * update or patch, {@code METHOD:CANCEL} for a delete — with {@code UID} = the event's iCalUID and {@code SEQUENCE} =
 * the event's sequence, sent through the configured SMTP server. Without an SMTP server the mails are only recorded.
 * Every mail (sent or not) is listed by {@code GET /_control/mails}.
 */
final class InvitationMailer {
    /** Where the mails go; null host = record only. */
    record Smtp(String host, int port) {
    }

    /** One mail as {@code GET /_control/mails} lists it. */
    record SentMail(String to, String method, String uid, long sequence, String subject, String calendarId, String sentAt,
                    String error) {
    }

    enum Change {
        CREATED("Invitation"), UPDATED("Updated invitation"), CANCELLED("Canceled event");

        final String subjectPrefix;

        Change(String subjectPrefix) {
            this.subjectPrefix = subjectPrefix;
        }
    }

    private static final String FROM = "calendar-notification@google.com";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Smtp smtp;
    private final People people;
    private final Clock clock;
    private final List<SentMail> mails = new ArrayList<>();

    InvitationMailer(Smtp smtp, People people, Clock clock) {
        this.smtp = smtp;
        this.people = people;
        this.clock = clock;
    }

    /** Whether a write with these query parameters notifies attendees. */
    static boolean notifies(Map<String, List<String>> query) {
        List<String> values = query.get("sendUpdates");
        String value = values == null || values.isEmpty() ? null : values.get(values.size() - 1);
        if (value == null) {
            // the deprecated flag of the older clients
            List<String> legacy = query.get("sendNotifications");
            return legacy != null && !legacy.isEmpty() && "true".equals(legacy.get(legacy.size() - 1));
        }
        return "all".equals(value) || "externalOnly".equals(value);
    }

    /**
     * Mails every attendee of the event except its organizer.
     *
     * @param ownerEmail the calendar's owner, who is the ORGANIZER
     * @param event      the event after the change
     */
    void send(Change change, String ownerEmail, String calendarId, Map<String, Object> event) {
        List<Object> attendees = Json.list(event.get("attendees"));
        if (attendees == null) {
            return;
        }
        for (Object a : attendees) {
            Map<String, Object> attendee = Json.object(a);
            String email = attendee == null ? null : Json.string(attendee.get("email"));
            if (email == null || email.equalsIgnoreCase(ownerEmail) || Boolean.TRUE.equals(attendee.get("organizer"))
                    || Boolean.TRUE.equals(attendee.get("resource"))) {
                continue;
            }
            sendTo(change, ownerEmail, calendarId, event, email, Json.string(attendee.get("displayName")));
        }
    }

    synchronized List<SentMail> mails() {
        return List.copyOf(mails);
    }

    private void sendTo(Change change, String ownerEmail, String calendarId, Map<String, Object> event, String to, String toName) {
        String method = change == Change.CANCELLED ? "CANCEL" : "REQUEST";
        String uid = Json.string(event.get("iCalUID"));
        long sequence = event.get("sequence") instanceof Number n ? n.longValue() : 0L;
        String summary = Json.string(event.get("summary"));
        summary = summary == null ? "(No title)" : summary;
        Instant start = Rfc3339.of(Json.object(event.get("start")));
        Instant end = Rfc3339.of(Json.object(event.get("end")));
        ZoneId zone = zone(Json.object(event.get("start")), ownerEmail);
        String subject = change.subjectPrefix + ": " + summary + " @ " + when(start, end, zone) + " (" + to + ")";
        People.Person organizer = people.find(ownerEmail);
        String ics = ics(method, change, event, uid, sequence, summary, start, end, organizer, to, toName);
        String error = null;
        if (smtp != null && smtp.host() != null) {
            try {
                Transport.send(message(organizer, to, toName, subject, method, ics, summary, start, end, zone));
            } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
                error = String.valueOf(e);
                System.err.println("local Google: could not mail " + to + ": " + e);
            }
        }
        synchronized (this) {
            mails.add(new SentMail(to.toLowerCase(Locale.ROOT), method, uid, sequence, subject, calendarId,
                    Rfc3339.format(clock.instant()), error));
        }
    }

    private MimeMessage message(People.Person organizer, String to, String toName, String subject, String method, String ics,
                                String summary, Instant start, Instant end, ZoneId zone)
            throws MessagingException, UnsupportedEncodingException {
        Properties p = new Properties();
        p.put("mail.smtp.host", smtp.host());
        p.put("mail.smtp.port", String.valueOf(smtp.port()));
        p.put("mail.smtp.connectiontimeout", "3000");
        p.put("mail.smtp.timeout", "5000");
        p.put("mail.smtp.writetimeout", "5000");
        MimeMessage message = new MimeMessage(Session.getInstance(p));
        message.setFrom(new InternetAddress(FROM, organizer.name() + " (Google Calendar)", "UTF-8"));
        message.setReplyTo(new InternetAddress[]{new InternetAddress(organizer.email(), organizer.name(), "UTF-8")});
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, toName == null ? to : toName, "UTF-8"));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(java.util.Date.from(clock.instant()));

        MimeBodyPart text = new MimeBodyPart();
        text.setText(summary + "\n" + when(start, end, zone) + "\nOrganizer: " + organizer.email() + "\n\nInvitation from Google Calendar\n",
                "UTF-8");
        MimeBodyPart calendar = new MimeBodyPart();
        calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(ics.getBytes(StandardCharsets.UTF_8),
                "text/calendar; charset=UTF-8; method=" + method)));
        calendar.setHeader("Content-Type", "text/calendar; charset=UTF-8; method=" + method);
        calendar.setHeader("Content-Transfer-Encoding", "7bit");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(calendar);
        MimeBodyPart alternativePart = new MimeBodyPart();
        alternativePart.setContent(alternative);

        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(ics.getBytes(StandardCharsets.UTF_8),
                "application/ics; name=\"invite.ics\"")));
        attachment.setFileName("invite.ics");
        attachment.setDisposition("attachment");
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(alternativePart);
        mixed.addBodyPart(attachment);
        message.setContent(mixed);
        message.saveChanges();
        return message;
    }

    private String ics(String method, Change change, Map<String, Object> event, String uid, long sequence, String summary, Instant start,
                       Instant end, People.Person organizer, String to, String toName) {
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VCALENDAR");
        lines.add("PRODID:-//Google Inc//Google Calendar 70.9054//EN");
        lines.add("VERSION:2.0");
        lines.add("CALSCALE:GREGORIAN");
        lines.add("METHOD:" + method);
        lines.add("BEGIN:VEVENT");
        if (start != null) {
            lines.add("DTSTART:" + STAMP.format(start));
        }
        if (end != null) {
            lines.add("DTEND:" + STAMP.format(end));
        }
        lines.add("DTSTAMP:" + STAMP.format(clock.instant()));
        lines.add("ORGANIZER;CN=" + param(organizer.name()) + ":mailto:" + organizer.email());
        lines.add("UID:" + uid);
        lines.add("ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN="
                + param(toName == null ? to : toName) + ";X-NUM-GUESTS=0:mailto:" + to);
        String description = Json.string(event.get("description"));
        if (description != null) {
            lines.add("DESCRIPTION:" + text(description));
        }
        String location = Json.string(event.get("location"));
        if (location != null) {
            lines.add("LOCATION:" + text(location));
        }
        lines.add("SEQUENCE:" + sequence);
        lines.add("STATUS:" + (change == Change.CANCELLED ? "CANCELLED" : "CONFIRMED"));
        lines.add("SUMMARY:" + text(summary));
        lines.add("TRANSP:OPAQUE");
        lines.add("END:VEVENT");
        lines.add("END:VCALENDAR");
        StringBuilder out = new StringBuilder();
        lines.forEach(line -> out.append(fold(line)).append("\r\n"));
        return out.toString();
    }

    private ZoneId zone(Map<String, Object> start, String ownerEmail) {
        String tz = start == null ? null : Json.string(start.get("timeZone"));
        if (tz == null) {
            tz = people.find(ownerEmail).zoneInfo();
        }
        try {
            return tz == null ? ZoneOffset.UTC : ZoneId.of(tz);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** As Google writes it: "Tue Jan 15, 2030 11am - 11:45am (CET)". */
    static String when(Instant start, Instant end, ZoneId zone) {
        if (start == null) {
            return "(no time)";
        }
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE MMM d, yyyy", Locale.ENGLISH).withZone(zone);
        String text = day.format(start) + " " + time(start, zone);
        if (end != null) {
            text += " - " + time(end, zone);
        }
        return text + " (" + DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).withZone(zone).format(start) + ")";
    }

    private static String time(Instant t, ZoneId zone) {
        var local = t.atZone(zone);
        String pattern = local.getMinute() == 0 ? "ha" : "h:mma";
        return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).format(local).toLowerCase(Locale.ROOT);
    }

    private static String param(String value) {
        String clean = value.replace("\"", "'").replaceAll("[\\r\\n]", " ");
        return clean.matches(".*[:;,].*") ? "\"" + clean + "\"" : clean;
    }

    private static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n");
    }

    /** RFC 5545 3.1: lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 sequence. */
    private static String fold(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= 75) {
            return line;
        }
        StringBuilder out = new StringBuilder();
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = 74;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
