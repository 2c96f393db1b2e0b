package io.schedulr.notification.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;

/** The system address mails are sent from ({@code quarkus.mailer.from}) and the Message-IDs derived from it. */
@ApplicationScoped
public class MailIdentity {
    private final String fromHeader;
    private final String address;

    public MailIdentity(@ConfigProperty(name = "quarkus.mailer.from") String from) {
        this.fromHeader = from.strip();
        int lt = fromHeader.lastIndexOf('<');
        int gt = fromHeader.lastIndexOf('>');
        this.address = (lt >= 0 && gt > lt ? fromHeader.substring(lt + 1, gt) : fromHeader).strip().toLowerCase(Locale.ROOT);
    }

    /** The From header as configured, e.g. {@code Schedulr <notifications@schedulr.example>}. */
    public String fromHeader() {
        return fromHeader;
    }

    /** The bare system address, e.g. {@code notifications@schedulr.example}. */
    public String address() {
        return address;
    }

    /** {@code <key@domain>} for the delivery with this key. */
    public String messageId(String messageKey) {
        int at = address.indexOf('@');
        String domain = at >= 0 ? address.substring(at + 1) : "schedulr.invalid";
        return "<" + messageKey + "@" + domain + ">";
    }

    /** The delivery key named by a Message-ID in any usual spelling: {@code <key@domain>}, {@code key@domain} or {@code key}. */
    public static String keyOf(String messageId) {
        String id = messageId.strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1);
        }
        int at = id.indexOf('@');
        return (at >= 0 ? id.substring(0, at) : id).strip();
    }
}
