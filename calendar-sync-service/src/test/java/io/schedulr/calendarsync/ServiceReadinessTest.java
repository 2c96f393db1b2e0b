package io.schedulr.calendarsync;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.testsupport.ServiceContractTests;

@QuarkusTest
class ServiceReadinessTest extends ServiceContractTests {
}
