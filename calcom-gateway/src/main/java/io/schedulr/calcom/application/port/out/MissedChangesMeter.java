package io.schedulr.calcom.application.port.out;

import io.schedulr.calcom.domain.webhook.ChangeKind;

/** Counts the changes a look-up found at Cal.com and announced because their webhooks never came. */
public interface MissedChangesMeter {
    void announced(ChangeKind kind);
}
