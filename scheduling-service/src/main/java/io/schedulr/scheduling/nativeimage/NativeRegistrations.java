package io.schedulr.scheduling.nativeimage;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Native mode (issue 17): scheduling-service's own classes that Jackson binds reflectively — REST bodies (and the records
 * nested in them), JSON written or read with an ObjectMapper by hand, provider-client DTOs, and what they are made
 * of. Named as strings because several are package-private or nested; {@code NativeRegistrationsTest} enumerates
 * these classes from the compiled code and fails naming any that is missing here (or that is named here but no
 * longer exists). The shared event-contract and service-kit classes are registered by service-kit's
 * {@code SharedRegistrations}.
 */
@RegisterForReflection(classNames = {
        "io.schedulr.scheduling.adapter.in.rest.ConflictResponse",
        "io.schedulr.scheduling.adapter.in.rest.ConflictResponse$Period",
        "io.schedulr.scheduling.adapter.in.rest.CreateRoomRequest",
        "io.schedulr.scheduling.adapter.out.calendarsync.FreeBusyAnswer",
        "io.schedulr.scheduling.adapter.out.calendarsync.FreeBusyAnswer$Period",
        "io.schedulr.scheduling.adapter.in.rest.PreferencesRequest",
        "io.schedulr.scheduling.adapter.in.rest.PreferencesResponse",
        "io.schedulr.scheduling.adapter.in.rest.TimeZoneRequest",
        "io.schedulr.scheduling.adapter.in.rest.TimeZoneResponse",
        "io.schedulr.scheduling.adapter.in.rest.PersonResponse",
        "io.schedulr.scheduling.adapter.in.rest.RoomResponse",
        "io.schedulr.scheduling.adapter.in.rest.WebConfigResource$WebConfig",
        "io.schedulr.scheduling.adapter.in.rest.RoomStreamEvent",
        "io.schedulr.scheduling.adapter.in.rest.RoomStreamEvent$Room",
        "io.schedulr.scheduling.adapter.in.rest.SlotResponse",
        "io.schedulr.scheduling.adapter.in.rest.SlotWindowRequest",
        "io.schedulr.scheduling.adapter.in.rest.UpdateRoomRequest",
        "io.schedulr.scheduling.adapter.in.rest.interview.AddContactRequest",
        "io.schedulr.scheduling.adapter.in.rest.interview.AddStartupRequest",
        "io.schedulr.scheduling.adapter.in.rest.interview.AddTeamMemberRequest",
        "io.schedulr.scheduling.adapter.in.rest.interview.ContactResponse",
        "io.schedulr.scheduling.adapter.in.rest.interview.EditTeamMemberRequest",
        "io.schedulr.scheduling.adapter.in.rest.interview.InterviewOptionsResponse$EventType",
        "io.schedulr.scheduling.adapter.in.rest.interview.InterviewOptionsResponse$Host",
        "io.schedulr.scheduling.adapter.in.rest.interview.InterviewOptionsResponse$Member",
        "io.schedulr.scheduling.adapter.in.rest.interview.InterviewOptionsResponse$MemberSlots",
        "io.schedulr.scheduling.adapter.in.rest.interview.InterviewOptionsResponse$Slot",
        "io.schedulr.scheduling.adapter.in.rest.interview.InterviewOptionsResponse$Slots",
        "io.schedulr.scheduling.adapter.in.rest.interview.InterviewRequests$BookingTypeStep",
        "io.schedulr.scheduling.adapter.in.rest.interview.InterviewRequests$DetailsStep",
        "io.schedulr.scheduling.adapter.in.rest.interview.InterviewRequests$Cancel",
        "io.schedulr.scheduling.adapter.in.rest.interview.InterviewRequests$Reschedule",
        "io.schedulr.scheduling.adapter.in.rest.interview.InterviewRequests$Guest",
        "io.schedulr.scheduling.adapter.in.rest.interview.InterviewRequests$GuestsStep",
        "io.schedulr.scheduling.adapter.in.rest.interview.InterviewRequests$NewContact",
        "io.schedulr.scheduling.adapter.in.rest.interview.InterviewRequests$Start",
        "io.schedulr.scheduling.adapter.in.rest.interview.InterviewRequests$StartupStep",
        "io.schedulr.scheduling.adapter.in.rest.interview.InterviewRequests$TeamStep",
        "io.schedulr.scheduling.adapter.in.rest.interview.InterviewResponse",
        "io.schedulr.scheduling.adapter.in.rest.interview.InterviewResponse$GuestJson",
        "io.schedulr.scheduling.adapter.in.rest.interview.InterviewResponse$Person",
        "io.schedulr.scheduling.adapter.in.rest.interview.InterviewResponse$StartupRef",
        "io.schedulr.scheduling.adapter.in.rest.interview.InterviewResponse$Step",
        "io.schedulr.scheduling.adapter.in.rest.interview.InterviewResponse$Summary",
        "io.schedulr.scheduling.adapter.in.rest.interview.InterviewResponse$Team",
        "io.schedulr.scheduling.adapter.in.rest.interview.InterviewResponse$Times",
        "io.schedulr.scheduling.adapter.in.rest.interview.StartupResponse",
        "io.schedulr.scheduling.adapter.in.rest.interview.TeamMemberResponse",
        "io.schedulr.scheduling.adapter.in.rest.openapi.ErrorCode",
        "io.schedulr.scheduling.adapter.out.calendarsync.ConnectionAnswer",
        "io.schedulr.scheduling.adapter.out.persistence.AuditSnapshots$Room",
        "io.schedulr.scheduling.adapter.out.persistence.AuditSnapshots$SlotState",
        "io.schedulr.scheduling.adapter.out.persistence.SlotEntity$Status",
        "io.schedulr.scheduling.adapter.out.video.DailyRoom",
        "io.schedulr.scheduling.adapter.out.video.DailyRoomRequest",
        "io.schedulr.scheduling.adapter.out.video.DailyRoomRequest$Properties",
        "io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort$Attendee",
        "io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort$BookedMeeting",
        "io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort$BookingRequest",
        "io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort$EventTypeOption",
        "io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort$Host",
        "io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort$MemberSlots",
        "io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort$Slot",
        "io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort$SlotOptions",
        "io.schedulr.scheduling.application.port.out.interview.InterviewStore$Visibility",
        "io.schedulr.scheduling.domain.PracticeRoom",
        "io.schedulr.scheduling.domain.RoomId",
        "io.schedulr.scheduling.domain.Slot",
        "io.schedulr.scheduling.domain.SlotId",
        "io.schedulr.scheduling.domain.SlotStatus",
        "io.schedulr.scheduling.domain.TimeWindow",
        "io.schedulr.scheduling.domain.interview.CalcomBookingChange",
        "io.schedulr.scheduling.domain.interview.CalcomBookingChange$Kind",
        "io.schedulr.scheduling.domain.interview.CalcomBookingChange$Person",
        "io.schedulr.scheduling.domain.interview.Guest",
        "io.schedulr.scheduling.domain.interview.Guest$Invitation",
        "io.schedulr.scheduling.domain.interview.Interview",
        "io.schedulr.scheduling.domain.interview.InterviewOrigin",
        "io.schedulr.scheduling.domain.interview.InterviewStatus"
})
public final class NativeRegistrations {
    private NativeRegistrations() {
    }
}
