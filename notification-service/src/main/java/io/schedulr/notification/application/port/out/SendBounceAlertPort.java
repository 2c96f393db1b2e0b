package io.schedulr.notification.application.port.out;

import io.schedulr.notification.domain.BounceAlert;
import io.smallrye.mutiny.Uni;

/** Mails a bounce alert to the organizer of the mail that did not arrive (fails when the mail server refuses it). */
public interface SendBounceAlertPort {
    Uni<Void> send(BounceAlert alert);
}
