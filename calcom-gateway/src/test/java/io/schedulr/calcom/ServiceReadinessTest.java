package io.schedulr.calcom;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.testsupport.ServiceContractTests;

@QuarkusTest
class ServiceReadinessTest extends ServiceContractTests {
}
