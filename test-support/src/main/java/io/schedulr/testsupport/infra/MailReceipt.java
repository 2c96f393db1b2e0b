package io.schedulr.testsupport.infra;

import java.time.Instant;

/** One message the SMTP server stored: for whom, and when (to the millisecond; IMAP's INTERNALDATE has only seconds). */
public record MailReceipt(String recipient, Instant receivedAt) {
}
