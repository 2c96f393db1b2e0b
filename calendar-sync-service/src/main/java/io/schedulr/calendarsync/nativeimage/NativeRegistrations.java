package io.schedulr.calendarsync.nativeimage;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Native mode (issue 17): calendar-sync-service's own classes that Jackson binds reflectively — REST bodies (and the records
 * nested in them), JSON written or read with an ObjectMapper by hand, provider-client DTOs, and what they are made
 * of. Named as strings because several are package-private or nested; {@code NativeRegistrationsTest} enumerates
 * these classes from the compiled code and fails naming any that is missing here (or that is named here but no
 * longer exists). The shared event-contract and service-kit classes are registered by service-kit's
 * {@code SharedRegistrations}.
 */
@RegisterForReflection(classNames = {
        "io.schedulr.calendarsync.adapter.in.rest.CallbackRequest",
        "io.schedulr.calendarsync.adapter.in.rest.ConnectionJson",
        "io.schedulr.calendarsync.adapter.in.rest.ConsentUrlJson",
        "io.schedulr.calendarsync.adapter.in.rest.FreeBusyJson",
        "io.schedulr.calendarsync.adapter.in.rest.FreeBusyJson$Busy",
        "io.schedulr.calendarsync.adapter.in.rest.SignInRequest",
        "io.schedulr.calendarsync.adapter.in.rest.SignedInJson",
        "io.schedulr.calendarsync.adapter.in.rest.openapi.ErrorCode"
})
public final class NativeRegistrations {
    private NativeRegistrations() {
    }
}
