package io.schedulr.scheduling;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.schedulr.scheduling.interview.FakeCalcomGatewayResource;
import io.schedulr.scheduling.interview.FakeNotificationServiceResource;
import io.schedulr.testsupport.InfraTestResource;

/**
 * Every @QuarkusTest of this module runs against the real infrastructure and the "scheduling" database, and a stand-in for
 * calcom-gateway's API and one for notification-service's route of an interview's mails; calendar-sync-service's address is a free port of the JVM ({@link CalendarSyncAddressResource}).
 */
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "scheduling"))
@QuarkusTestResource(FakeCalcomGatewayResource.class)
@QuarkusTestResource(FakeNotificationServiceResource.class)
@QuarkusTestResource(CalendarSyncAddressResource.class)
public final class SchedulingTestResources {
    private SchedulingTestResources() {
    }
}
