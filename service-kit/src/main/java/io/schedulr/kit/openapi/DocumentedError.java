package io.schedulr.kit.openapi;

/** One entry of a service's error catalog, as {@link ErrorResponsesFilter} writes it into the OpenAPI document. */
public interface DocumentedError {
    int status();

    /** The stable, machine-readable code of the error body. */
    String code();

    /** A message as the service writes it, shown as the example's summary and body. */
    String exampleMessage();
}
