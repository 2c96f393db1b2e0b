package io.schedulr.testsupport.google;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Google's "Choose an account" page for a person at a browser: the authorization request came without
 * {@code login_hint}, so the local Google asks for the address (and the name and time zone its ID tokens carry) and
 * sends the same request back with them. Served only by the local Google, so its one inline script is ours.
 */
final class AccountChooser {
    /** Fields the page adds; everything else of the request is carried along unchanged. */
    static final Set<String> OWN_FIELDS = Set.of("login_hint", "name", "tz");

    private AccountChooser() {
    }

    static void show(HttpExchange exchange, Map<String, String> request) throws IOException {
        StringBuilder hidden = new StringBuilder();
        request.forEach((k, v) -> {
            if (!OWN_FIELDS.contains(k)) {
                hidden.append("<input type=\"hidden\" name=\"").append(html(k)).append("\" value=\"").append(html(v)).append("\">\n");
            }
        });
        String page = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Sign in - Google Accounts (local)</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>
                body{font-family:system-ui,sans-serif;background:#f0f4f9;margin:0;display:grid;place-items:center;min-height:100vh}
                main{background:#fff;border-radius:28px;padding:36px 40px;width:min(420px,90vw)}
                h1{font-weight:400;font-size:1.6rem;margin:0 0 .3rem} p{color:#444;margin:0 0 1.2rem}
                label{display:block;margin:.8rem 0 .2rem;font-size:.9rem} input{width:100%;box-sizing:border-box;padding:.7rem;font-size:1rem;border:1px solid #747775;border-radius:4px}
                button{margin-top:1.4rem;background:#0b57d0;color:#fff;border:0;border-radius:20px;padding:.7rem 1.5rem;font-size:.95rem;cursor:pointer}
                </style></head>
                <body><main>
                <h1>Sign in</h1><p>to continue (the local Google: any address works, no password)</p>
                <form method="get" action="/o/oauth2/v2/auth">
                {{hidden}}<label for="email">Email</label><input id="email" name="login_hint" type="email" required autocomplete="email" autofocus>
                <label for="name">Name</label><input id="name" name="name" autocomplete="name">
                <label for="tz">Time zone (empty: like Google, the sign-in states none)</label><input id="tz" name="tz" value="UTC">
                <button type="submit">Next</button>
                </form></main>
                <script>try{document.getElementById('tz').value=Intl.DateTimeFormat().resolvedOptions().timeZone}catch(e){}</script>
                </body></html>
                """.replace("{{hidden}}", hidden);
        GoogleExchange.respond(exchange, 200, "text/html; charset=UTF-8", page);
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
