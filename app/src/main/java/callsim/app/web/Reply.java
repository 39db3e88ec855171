package callsim.app.web;

import callsim.app.report.ReportJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Sending responses; every one carries the security headers, whatever its type. */
final class Reply {
    /** Scripts and styles only from our own files: no inline script, no inline style, no framing. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "media-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private Reply() {}

    static void securityHeaders(HttpExchange exchange) {
        Headers h = exchange.getResponseHeaders();
        h.set("Content-Security-Policy", CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "same-origin");
        h.set("X-Frame-Options", "DENY");
        if (!h.containsKey("Cache-Control")) h.set("Cache-Control", "no-store");
    }

    static void html(HttpExchange exchange, int status, Html page) throws IOException {
        bytes(exchange, status, "text/html; charset=utf-8", page.toString().getBytes(StandardCharsets.UTF_8));
    }

    static void json(HttpExchange exchange, int status, JsonNode node) throws IOException {
        bytes(exchange, status, "application/json", ReportJson.MAPPER.writeValueAsBytes(node));
    }

    static void text(HttpExchange exchange, int status, String message) throws IOException {
        bytes(exchange, status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** 303 See Other: after a form post the browser follows with a GET. */
    static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        empty(exchange, 303);
    }

    static void empty(HttpExchange exchange, int status) throws IOException {
        securityHeaders(exchange);
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    static void bytes(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        bytes(exchange, status, type, body, 0, body.length);
    }

    static void bytes(HttpExchange exchange, int status, String type, byte[] body, int offset, int length) throws IOException {
        securityHeaders(exchange);
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head || length == 0 ? -1 : length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) out.write(body, offset, length);
        }
    }
}
