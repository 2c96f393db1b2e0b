package io.schedulr.testsupport.nativefixture.domain;

/** Fixture: reached only as a record component of a registered REST body. */
public record Part(String b, Stored stored) {
}
