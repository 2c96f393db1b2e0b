package io.schedulr.kit.rest;

/** The JSON body of every error answer: a machine-readable code and a sentence for people. */
public record ApiError(String code, String message) {
}
