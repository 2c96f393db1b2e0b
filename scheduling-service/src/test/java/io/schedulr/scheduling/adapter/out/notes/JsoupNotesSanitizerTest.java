package io.schedulr.scheduling.adapter.out.notes;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class JsoupNotesSanitizerTest {
    private final JsoupNotesSanitizer sanitizer = new JsoupNotesSanitizer();

    @Test
    void markdownWhoseLessThanSignsOpenNoTagIsKeptAsWritten() {
        String notes = "## Ask\n> ARR < 1M & R&D\n- churn <5%\n- a <= b, c << d";
        assertEquals(notes, sanitizer.sanitize(notes));
    }

    @Test
    void htmlKeepsOnlyFormattingAndSafeLinks() {
        assertEquals("<p>Read the <b>deck</b></p><a rel=\"nofollow noopener noreferrer\">x</a>",
                sanitizer.sanitize("<p>Read the <b>deck</b></p><script>alert(1)</script><a href=\"javascript:x()\">x</a>"));
        assertEquals("<p>ARR &lt; 1M</p>", sanitizer.sanitize("<p>ARR < 1M</p>"));
    }

    @Test
    void anEndTagACommentOrAnUnknownTagMakesANoteHtml() {
        assertEquals("text", sanitizer.sanitize("text<!-- hidden -->"));
        assertEquals("alert(1)", sanitizer.sanitize("</x><svg onload=alert(1)>alert(1)</svg>"));
    }

    @Test
    void aMarkdownLinkThatWouldRunLosesItsTarget() {
        assertEquals("[deck]() and [site](https://acme.example)",
                sanitizer.sanitize("[deck](javascript:alert(1)) and [site](https://acme.example)"));
        assertNull(sanitizer.sanitize(null));
    }
}
