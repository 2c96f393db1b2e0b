package io.schedulr.kit.openapi;

/**
 * One entry of a service's error catalog, as {@link ErrorResponsesFilter} writes it into the OpenAPI document. A
 * catalog is an enum whose constants each hold an {@link Entry}.
 */
public interface DocumentedError {
    /** The status, code and example message of this error. */
    Entry entry();

    default int status() {
        return entry().status();
    }

    /** The stable, machine-readable code of the error body. */
    default String code() {
        return entry().code();
    }

    /** A message as the service writes it, shown as the example's summary and body. */
    default String exampleMessage() {
        return entry().exampleMessage();
    }

    record Entry(int status, String code, String exampleMessage) {
    }
}
