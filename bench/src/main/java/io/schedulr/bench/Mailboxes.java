package io.schedulr.bench;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import io.schedulr.deploy.LocalStack;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The mail the SMTP server received. GreenMail runs inside this JVM (the launcher's infrastructure), and its stored
 * messages carry the instant they were received, to the millisecond — IMAP's INTERNALDATE only has seconds. The
 * launcher does not expose its GreenMail, so it is reached by reflection; the counts are checked again over IMAP.
 */
final class Mailboxes {
    private final GreenMail greenMail;
    private final int imapPort;

    private Mailboxes(GreenMail greenMail, int imapPort) {
        this.greenMail = greenMail;
        this.imapPort = imapPort;
    }

    static Mailboxes of(LocalStack stack) {
        try {
            Object infra = field(stack, "infra");
            for (Object started : (Collection<?>) field(infra, "started")) {
                if (started.getClass().getSimpleName().equals("MailServer")) {
                    return new Mailboxes((GreenMail) field(started, "greenMail"), stack.endpoints().imapPort());
                }
            }
            throw new IllegalStateException("no MailServer among the started infrastructure");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach the launcher's GreenMail (did test-support change?): " + e, e);
        }
    }

    /** Address → epoch millis at which each message for it was received, in order. */
    Map<String, List<Long>> receivedByAddress() {
        Map<String, List<Long>> byAddress = new HashMap<>();
        try {
            for (GreenMailUser user : greenMail.getUserManager().listUser()) {
                MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(user);
                List<Long> times = new ArrayList<>();
                for (StoredMessage m : inbox.getMessages()) {
                    times.add(m.getReceivedDate().getTime());
                }
                byAddress.put(user.getEmail().toLowerCase(), times);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read GreenMail's mailboxes: " + e, e);
        }
        return byAddress;
    }

    int total() {
        return greenMail.getReceivedMessages().length;
    }

    /** Message count of one mailbox over IMAP (login = address, password = address). */
    int imapCount(String address) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.imap.host", "localhost");
        p.put("mail.imap.port", String.valueOf(imapPort));
        Store store = Session.getInstance(p).getStore("imap");
        store.connect(address, address);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int n = inbox.getMessageCount();
            inbox.close(false);
            return n;
        } finally {
            store.close();
        }
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(target);
    }
}
