package io.schedulr.notification.nativeimage;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Native mode (issue 17): notification-service's own classes that Jackson binds reflectively — REST bodies (and the records
 * nested in them), JSON written or read with an ObjectMapper by hand, provider-client DTOs, and what they are made
 * of. Named as strings because several are package-private or nested; {@code NativeRegistrationsTest} enumerates
 * these classes from the compiled code and fails naming any that is missing here (or that is named here but no
 * longer exists). The shared event-contract and service-kit classes are registered by service-kit's
 * {@code SharedRegistrations}.
 */
@RegisterForReflection(classNames = {
        "io.schedulr.notification.adapter.in.messaging.RecordsInFlight$InFlight",
        "io.schedulr.notification.adapter.in.rest.DeliveriesResource$AttemptJson",
        "io.schedulr.notification.adapter.in.rest.DeliveriesResource$NoticeJson",
        "io.schedulr.notification.adapter.in.rest.EmailStatusHookBody",
        "io.schedulr.notification.adapter.in.rest.EmailStatusHookResource$Recorded",
        "io.schedulr.notification.adapter.in.rest.InternalInvitationMailsResource$InvitationMailJson",
        "io.schedulr.notification.adapter.in.rest.InternalInvitationMailsResource$InvitationMailsJson",
        "io.schedulr.notification.adapter.in.rest.openapi.ErrorCode",
        "io.schedulr.notification.domain.EmailStatus",
        "io.schedulr.notification.domain.EmailStatusNotice"
})
public final class NativeRegistrations {
    private NativeRegistrations() {
    }
}
