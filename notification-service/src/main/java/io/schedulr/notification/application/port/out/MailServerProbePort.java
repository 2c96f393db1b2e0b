package io.schedulr.notification.application.port.out;

import io.smallrye.mutiny.Uni;

/** Asks the mail server whether it answers, without sending anything. */
public interface MailServerProbePort {

    /** @return true when the server answers now; sending may then resume at full speed */
    Uni<Boolean> answers();
}
