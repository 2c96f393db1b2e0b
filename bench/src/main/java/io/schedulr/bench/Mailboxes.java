package io.schedulr.bench;

import io.schedulr.deploy.LocalStack;
import io.schedulr.testsupport.infra.MailReceipt;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The mail the SMTP server received. The launcher's infrastructure runs inside this JVM and reports each stored
 * message with the instant it was received, to the millisecond — IMAP's INTERNALDATE only has seconds. The counts are
 * checked again over IMAP.
 */
final class Mailboxes {
    private final LocalStack stack;
    private final int imapPort;

    private Mailboxes(LocalStack stack, int imapPort) {
        this.stack = stack;
        this.imapPort = imapPort;
    }

    static Mailboxes of(LocalStack stack) {
        return new Mailboxes(stack, stack.endpoints().imapPort());
    }

    /** Address → epoch millis at which each message for it was received, in order. */
    Map<String, List<Long>> receivedByAddress() {
        Map<String, List<Long>> byAddress = new HashMap<>();
        for (MailReceipt receipt : stack.mailReceipts()) {
            byAddress.computeIfAbsent(receipt.recipient(), k -> new ArrayList<>()).add(receipt.receivedAt().toEpochMilli());
        }
        byAddress.values().forEach(java.util.Collections::sort);
        return byAddress;
    }

    int total() {
        return stack.mailReceipts().size();
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
}
