package io.schedulr.notification.support;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads an invitation mail as a calendar client would: the MIME tree, the text/calendar part, the parsed ICS. */
public record InviteMails(MimeMessage message) {

    public static InviteMails of(MimeMessage message) {
        return new InviteMails(message);
    }

    public List<Part> leaves() {
        List<Part> leaves = new ArrayList<>();
        collect(message, leaves);
        return leaves;
    }

    public Part calendarPart() {
        return leaves().stream().filter(p -> type(p).startsWith("text/calendar")).findFirst()
                .orElseThrow(() -> new AssertionError("no text/calendar part"));
    }

    public Part attachment() {
        return leaves().stream().filter(p -> type(p).startsWith("application/ics")).findFirst()
                .orElseThrow(() -> new AssertionError("no application/ics attachment"));
    }

    public String text(String mimeType) {
        return leaves().stream().filter(p -> type(p).startsWith(mimeType)).findFirst().map(InviteMails::content)
                .orElseThrow(() -> new AssertionError("no " + mimeType + " part"));
    }

    /** The {@code method} parameter of the calendar part's Content-Type. */
    public String contentTypeMethod() {
        try {
            return new ContentType(calendarPart().getContentType()).getParameter("method");
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    public String ics() {
        return content(calendarPart());
    }

    public VEvent event() {
        return (VEvent) calendar().getComponents().get(0);
    }

    public Calendar calendar() {
        try {
            return new CalendarBuilder().build(new StringReader(ics()));
        } catch (Exception e) {
            throw new AssertionError("ICS does not parse: " + e.getMessage() + "\n" + ics(), e);
        }
    }

    public String property(String name) {
        return event().getProperty(name).map(Property::getValue).orElse(null);
    }

    public String calendarProperty(String name) {
        return calendar().getProperty(name).map(Property::getValue).orElse(null);
    }

    public String param(String property, String parameter) {
        return event().getProperty(property).flatMap(p -> p.<Parameter>getParameter(parameter)).map(Parameter::getValue).orElse(null);
    }

    public String fileName(Part part) {
        try {
            return part.getFileName();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    public String header(String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static void collect(Part part, List<Part> leaves) {
        try {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child, leaves);
                }
            } else {
                leaves.add(part);
            }
        } catch (MessagingException | IOException e) {
            throw new AssertionError(e);
        }
    }

    static String type(Part p) {
        try {
            return p.getContentType().toLowerCase();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    static String content(Part p) {
        try {
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (MessagingException | IOException e) {
            throw new AssertionError(e);
        }
    }
}
