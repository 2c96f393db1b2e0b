package io.schedulr.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.schedulr.testsupport.InfraTestResource;

/** Every @QuarkusTest of this module runs against the real infrastructure and the "notification" database. */
@QuarkusTestResource(value = InfraTestResource.class, initArgs = {@ResourceArg(name = "database", value = "notification"), @ResourceArg(name = "mailer", value = "true")})
public final class NotificationTestResources {
    private NotificationTestResources() {
    }
}
