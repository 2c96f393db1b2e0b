package io.schedulr.calendarsync.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.testsupport.EdgeContractTests;

/** This service's authorization matrix and bad-input table (its one route, whoami): see {@link EdgeContractTests}. */
@QuarkusTest
class EdgeContractTest extends EdgeContractTests {
}
