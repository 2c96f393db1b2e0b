package io.schedulr.notification.adapter.out.mail;

/** The pieces every mail's bodies share: escaping for HTML, a labelled row, links and the attachment's hint. */
final class MailHtml {

    private MailHtml() {
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** A row of the details table; {@code valueHtml} is already escaped. */
    static String row(String label, String valueHtml) {
        return "<tr><th align=\"left\" valign=\"top\">" + label + "</th><td>" + valueHtml + "</td></tr>";
    }

    static String joinRow(String url) {
        return row("Join", link(url));
    }

    /** The address as a link showing itself. */
    static String link(String url) {
        return "<a href=\"" + esc(url) + "\">" + esc(url) + "</a>";
    }

    /** The plain text's last line: what to do with the attached invite.ics. */
    static String attachmentHint(boolean cancel) {
        return cancel
                ? "Your calendar will remove the event when you open the attached cancellation.\n"
                : "Open the attached invitation (invite.ics) to add it to your calendar.\n";
    }
}
