package io.schedulr.testsupport.infra;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** GreenMail SMTP+IMAP. SMTP is reached through a {@link TcpGate} so tests can take it down without losing mail. */
final class MailServer implements AutoCloseable {
    private final GreenMail greenMail;
    private final TcpGate smtpGate;

    private MailServer(GreenMail greenMail, TcpGate smtpGate) {
        this.greenMail = greenMail;
        this.smtpGate = smtpGate;
    }

    static MailServer start(int smtpPort, int imapPort) throws IOException {
        int privateSmtp = InfraPorts.free();
        GreenMail greenMail = new GreenMail(new ServerSetup[]{
                new ServerSetup(privateSmtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        TcpGate gate = new TcpGate(smtpPort, privateSmtp);
        gate.open();
        return new MailServer(greenMail, gate);
    }

    /** Every stored message, by recipient mailbox. Mail may arrive while this reads, so a torn read is read again. */
    List<MailReceipt> receipts() {
        for (int attempt = 1; ; attempt++) {
            try {
                return readReceipts();
            } catch (java.util.ConcurrentModificationException e) {
                if (attempt == 20) {
                    throw e;
                }
            }
        }
    }

    private List<MailReceipt> readReceipts() {
        List<MailReceipt> receipts = new ArrayList<>();
        try {
            for (GreenMailUser user : greenMail.getUserManager().listUser()) {
                for (StoredMessage m : greenMail.getManagers().getImapHostManager().getInbox(user).getMessages()) {
                    receipts.add(new MailReceipt(user.getEmail().toLowerCase(Locale.ROOT), m.getReceivedDate().toInstant()));
                }
            }
        } catch (FolderException e) {
            throw new IllegalStateException("cannot read the mailboxes", e);
        }
        return receipts;
    }

    void smtpDown() {
        smtpGate.shut();
    }

    void smtpUp() throws IOException {
        smtpGate.open();
    }

    @Override
    public void close() {
        smtpGate.close();
        greenMail.stop();
    }
}
