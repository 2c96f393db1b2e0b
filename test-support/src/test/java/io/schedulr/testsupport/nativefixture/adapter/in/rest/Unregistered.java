package io.schedulr.testsupport.nativefixture.adapter.in.rest;

/** Fixture: a new body nobody registered. */
public record Unregistered(String c) {
}
