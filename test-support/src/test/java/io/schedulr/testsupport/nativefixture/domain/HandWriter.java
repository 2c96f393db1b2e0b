package io.schedulr.testsupport.nativefixture.domain;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Fixture: reads JSON by hand, naming {@link Stored} as a class constant. */
final class HandWriter {
    private HandWriter() {
    }

    static Stored read(ObjectMapper json, String text) throws Exception {
        return json.readValue(text, Stored.class);
    }
}
