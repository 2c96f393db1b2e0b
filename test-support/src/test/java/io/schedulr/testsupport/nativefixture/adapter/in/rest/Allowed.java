package io.schedulr.testsupport.nativefixture.adapter.in.rest;

/** Fixture: an adapter record that is never JSON, allowlisted with a reason. */
public record Allowed(String d) {
}
