package io.schedulr.calendarsync;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.schedulr.testsupport.InfraTestResource;

/** Every @QuarkusTest of this module runs against the real infrastructure and the "calendar_sync" database. */
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "calendar_sync"))
public final class CalendarSyncTestResources {
    private CalendarSyncTestResources() {
    }
}
