package io.schedulr.calcom;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.schedulr.testsupport.InfraTestResource;

/** Every @QuarkusTest of this module runs against the real infrastructure and the "calcom_gateway" database. */
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "calcom_gateway"))
public final class CalcomTestResources {
    private CalcomTestResources() {
    }
}
