package io.schedulr.testsupport;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads what the real SMTP server received, over IMAP, as a mail client would. */
public final class Mailboxes {
    private Mailboxes() {
    }

    /** The messages in a person's inbox now (fully loaded, usable after the folder closes). */
    public static List<MimeMessage> inbox(String email) {
        Properties props = new Properties();
        props.put("mail.imap.host", "localhost");
        props.put("mail.imap.port", String.valueOf(TestInfra.get().imapPort()));
        Session session = Session.getInstance(props);
        try (Store store = session.getStore("imap")) {
            store.connect(email, email);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<MimeMessage> messages = new ArrayList<>();
                for (Message m : inbox.getMessages()) {
                    messages.add(new MimeMessage((MimeMessage) m));
                }
                return messages;
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException e) {
            return List.of();
        }
    }

    /** Waits until the inbox holds at least {@code count} messages, then returns them all. */
    public static List<MimeMessage> awaitInbox(String email, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<MimeMessage> messages = inbox(email);
        while (messages.size() < count && Instant.now().isBefore(deadline)) {
            TestInfra.sleep(200);
            messages = inbox(email);
        }
        return messages;
    }
}
