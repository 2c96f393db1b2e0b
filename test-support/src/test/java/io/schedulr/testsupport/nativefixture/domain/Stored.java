package io.schedulr.testsupport.nativefixture.domain;

/** Fixture: written with an ObjectMapper by hand ({@link HandWriter}), never seen by the REST layer. */
public record Stored(String x) {
}
