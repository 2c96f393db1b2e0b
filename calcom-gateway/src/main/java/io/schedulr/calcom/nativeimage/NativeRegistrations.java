package io.schedulr.calcom.nativeimage;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Native mode (issue 17): calcom-gateway's own classes that Jackson binds reflectively — REST bodies (and the records
 * nested in them), JSON written or read with an ObjectMapper by hand, provider-client DTOs, and what they are made
 * of. Named as strings because several are package-private or nested; {@code NativeRegistrationsTest} enumerates
 * these classes from the compiled code and fails naming any that is missing here (or that is named here but no
 * longer exists). The shared event-contract and service-kit classes are registered by service-kit's
 * {@code SharedRegistrations}.
 */
@RegisterForReflection(classNames = {
        "io.schedulr.calcom.adapter.in.rest.CalcomRequests$Attendee",
        "io.schedulr.calcom.adapter.in.rest.CalcomRequests$Cancel",
        "io.schedulr.calcom.adapter.in.rest.CalcomRequests$CreateBooking",
        "io.schedulr.calcom.adapter.in.rest.CalcomRequests$Reschedule",
        "io.schedulr.calcom.adapter.in.rest.CalcomResponses$AvailabilityJson",
        "io.schedulr.calcom.adapter.in.rest.CalcomResponses$BookingJson",
        "io.schedulr.calcom.adapter.in.rest.CalcomResponses$EventTypeJson",
        "io.schedulr.calcom.adapter.in.rest.CalcomResponses$HostJson",
        "io.schedulr.calcom.adapter.in.rest.CalcomResponses$MemberJson",
        "io.schedulr.calcom.adapter.in.rest.CalcomResponses$PersonJson",
        "io.schedulr.calcom.adapter.in.rest.CalcomResponses$SlotJson",
        "io.schedulr.calcom.adapter.in.rest.openapi.ErrorCode",
        "io.schedulr.calcom.adapter.in.webhook.CalcomWebhookPayload",
        "io.schedulr.calcom.adapter.in.webhook.CalcomWebhookPayload$Booking",
        "io.schedulr.calcom.adapter.in.webhook.CalcomWebhookPayload$Person",
        "io.schedulr.calcom.adapter.in.webhook.CalcomWebhookReader$Booking",
        "io.schedulr.calcom.adapter.in.webhook.CalcomWebhookReader$NotTranslated",
        "io.schedulr.calcom.adapter.in.webhook.CalcomWebhookReader$Ping",
        "io.schedulr.calcom.adapter.in.webhook.WebhookOutcomeJson",
        "io.schedulr.calcom.adapter.out.calcomapi.CalcomJson$Attendee",
        "io.schedulr.calcom.adapter.out.calcomapi.CalcomJson$Booking",
        "io.schedulr.calcom.adapter.out.calcomapi.CalcomJson$Cancel",
        "io.schedulr.calcom.adapter.out.calcomapi.CalcomJson$CreateBooking",
        "io.schedulr.calcom.adapter.out.calcomapi.CalcomJson$Envelope",
        "io.schedulr.calcom.adapter.out.calcomapi.CalcomJson$EventType",
        "io.schedulr.calcom.adapter.out.calcomapi.CalcomJson$Host",
        "io.schedulr.calcom.adapter.out.calcomapi.CalcomJson$Me",
        "io.schedulr.calcom.adapter.out.calcomapi.CalcomJson$Pagination",
        "io.schedulr.calcom.adapter.out.calcomapi.CalcomJson$Person",
        "io.schedulr.calcom.adapter.out.calcomapi.CalcomJson$Reschedule",
        "io.schedulr.calcom.adapter.out.calcomapi.CalcomJson$Slot",
        "io.schedulr.calcom.adapter.out.calcomapi.CalcomJson$User",
        "io.schedulr.calcom.application.port.in.WebhookReceipt",
        "io.schedulr.calcom.application.port.out.MeetingLedger$HeldChange",
        "io.schedulr.calcom.domain.webhook.BookingChange",
        "io.schedulr.calcom.domain.webhook.ChangeKind",
        "io.schedulr.calcom.domain.webhook.MeetingState",
        "io.schedulr.calcom.domain.webhook.Person"
})
public final class NativeRegistrations {
    private NativeRegistrations() {
    }
}
