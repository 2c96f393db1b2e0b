package io.schedulr.notification.adapter.out.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The Subject header of every mail we send, encoded here (RFC 2047) rather than by vert.x-mail: its header encoding
 * takes each UTF-16 char on its own, so a character outside the BMP (an emoji, 𠮷) arrives as {@code ??}. Here each
 * encoded-word holds whole code points (a strict reader decodes every word alone) and the words are folded onto lines of
 * their own. The result is plain ASCII, which vert.x passes through unchanged. A subject that is printable ASCII already
 * is left as it is; control characters (CR, LF ...) become spaces, so no subject can add a header.
 */
final class MailSubjects {
    /** 39 bytes are 52 base64 characters: a word of 64, and "Subject: " before the first one stays under 78. */
    private static final int BYTES_PER_WORD = 39;

    private MailSubjects() {
    }

    static String header(String subject) {
        if (subject == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(subject.length());
        boolean ascii = true;
        for (int i = 0; i < subject.length(); ) {
            int cp = subject.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp)) {
                cp = ' ';
            }
            ascii &= cp < 0x7f;
            clean.appendCodePoint(cp);
        }
        String text = clean.toString();
        if (ascii && !text.contains("=?") && text.length() <= 900) {
            return text;
        }
        StringBuilder header = new StringBuilder();
        ByteArrayOutputStream word = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            if (word.size() + bytes.length > BYTES_PER_WORD) {
                append(header, word);
            }
            word.writeBytes(bytes);
        }
        append(header, word);
        return header.toString();
    }

    private static void append(StringBuilder header, ByteArrayOutputStream word) {
        if (word.size() == 0) {
            return;
        }
        if (!header.isEmpty()) {
            header.append("\n "); // folded as vert.x folds its own encoded headers
        }
        header.append("=?UTF-8?B?").append(Base64.getEncoder().encodeToString(word.toByteArray())).append("?=");
        word.reset();
    }
}
