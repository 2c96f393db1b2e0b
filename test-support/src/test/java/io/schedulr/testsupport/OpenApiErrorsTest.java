package io.schedulr.testsupport;

import io.schedulr.testsupport.OpenApiErrors.Seen;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiErrorsTest {
    private static final String DOCUMENT = """
            {"paths": {
              "/api/rooms/{id}/book": {"post": {"responses": {
                "409": {"content": {"application/json": {"examples": {"room_taken": {"value": {}}}}}}}}},
              "/api/rooms/mine": {"get": {"responses": {"401": {"content": {"application/json": {"examples": {"unauthenticated": {}}}}}}}},
              "/api/rooms/{id}": {"get": {"responses": {"404": {"content": {"application/json": {"examples": {"room_not_found": {}}}}}}}}
            }}""";

    @Test
    void acceptsAnAnswerTheDocumentNamesUnderTheMatchingTemplate() {
        assertThat(OpenApiErrors.problems(DOCUMENT, List.of(
                new Seen("POST", "/api/rooms/9f0c/book", 409, "room_taken"),
                new Seen("GET", "/api/rooms/mine?limit=3", 401, "unauthenticated"),
                new Seen("GET", "/api/rooms/42", 404, "room_not_found")))).isEmpty();
    }

    @Test
    void namesAMissingCodeStatusOrOperation() {
        assertThat(OpenApiErrors.problems(DOCUMENT, List.of(
                new Seen("POST", "/api/rooms/9f0c/book", 409, "slot_taken"),
                new Seen("POST", "/api/rooms/9f0c/book", 400, "invalid_json"),
                new Seen("DELETE", "/api/rooms/9f0c", 404, "room_not_found"),
                new Seen("GET", "/api/rooms/mine", 404, "room_not_found"))))
                .hasSize(4)
                .anySatisfy(p -> assertThat(p).contains("code slot_taken not among the 409 examples [room_taken]"))
                .anySatisfy(p -> assertThat(p).contains("status 400 not described on POST /api/rooms/{id}/book"))
                .anySatisfy(p -> assertThat(p).contains("no operation in the document for DELETE /api/rooms/9f0c"))
                .anySatisfy(p -> assertThat(p).contains("status 404 not described on GET /api/rooms/mine"));
    }
}
