package io.schedulr.scheduling.adapter.out.notes;

import io.schedulr.scheduling.application.port.out.interview.NotesSanitizer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

import java.util.regex.Pattern;

/**
 * Preparation notes may be Markdown or HTML. Markdown passes unchanged (it is text until a client renders it, and
 * clients render it without raw HTML; a link to {@code javascript:} loses its target); HTML keeps only formatting and
 * http(s)/mailto links — scripts, styles, event handlers, iframes and {@code javascript:} URLs are dropped, so nothing
 * in a note can run. A note is HTML when a {@code <} in it opens a tag, as an HTML parser reads it: "ARR < 1M" is
 * Markdown and keeps its {@code <} as written.
 */
@ApplicationScoped
public class JsoupNotesSanitizer implements NotesSanitizer {
    private static final Safelist FORMATTING = Safelist.basic()
            .addTags("h1", "h2", "h3", "h4", "pre", "hr")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");
    private static final Document.OutputSettings AS_WRITTEN = new Document.OutputSettings().prettyPrint(false);

    /** A Markdown link or image whose target would run: {@code [x](javascript:…)}, a call's parentheses within it. */
    /** Where an HTML parser starts a tag, a comment or an end tag. */
    private static final Pattern MARKUP = Pattern.compile("<[A-Za-z/!?]");
    private static final Pattern RUNNABLE_LINK = Pattern.compile("(?i)\\]\\(\\s*<?\\s*(javascript|vbscript|data)\\s*:(?:[^()]|\\([^()]*\\))*\\)");

    @Override
    public String sanitize(String notes) {
        if (notes == null) {
            return null;
        }
        String safe = RUNNABLE_LINK.matcher(notes).replaceAll("]()");
        return MARKUP.matcher(safe).find() ? Jsoup.clean(safe, "", FORMATTING, AS_WRITTEN) : safe;
    }
}
