package callsim.app.http;

import callsim.app.asterisk.CallRequest;
import callsim.app.asterisk.OutboundDrills;
import callsim.app.report.ReportJson;
import callsim.telephony.asterisk.AmiUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code /api/calls}: {@code POST} rings an agent's phone with a drill through AMI, now or at
 * {@code at}; {@code GET} lists recent and scheduled calls. Both need the control token
 * ({@code Authorization: Bearer ...}), since they make phones ring.
 */
final class CallsEndpoint {
    private static final int MAX_BODY = 16 * 1024;

    private final Optional<OutboundDrills> outbound;
    private final ControlToken token;

    CallsEndpoint(Optional<OutboundDrills> outbound, ControlToken token) {
        this.outbound = outbound;
        this.token = token;
    }

    void handle(HttpExchange exchange) throws IOException {
        if (!token.matches(exchange.getRequestHeaders().getFirst("Authorization"))) {
            HttpApi.text(exchange, 401, "missing or wrong control token (see DATA_DIR/" + ControlToken.FILE + ")");
            return;
        }
        if (outbound.isEmpty()) {
            HttpApi.text(exchange, 503, "this server has no AMI link: start serve with --ami HOST:PORT --ami-user USER");
            return;
        }
        switch (exchange.getRequestMethod()) {
            case "GET" -> list(exchange);
            case "POST" -> place(exchange);
            default -> HttpApi.text(exchange, 405, "GET or POST");
        }
    }

    private void list(HttpExchange exchange) throws IOException {
        ArrayNode list = ReportJson.MAPPER.createArrayNode();
        outbound.get().attempts().forEach(a -> list.add(json(a)));
        HttpApi.json(exchange, 200, list);
    }

    private void place(HttpExchange exchange) throws IOException {
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                HttpApi.text(exchange, 413, "request body over " + MAX_BODY + " bytes");
                return;
            }
            body = ReportJson.MAPPER.readTree(bytes);
        } catch (IOException e) {
            HttpApi.text(exchange, 400, "body is not JSON: " + e.getMessage());
            return;
        }
        try {
            if (body == null || !body.hasNonNull("agent")) throw new IllegalArgumentException("\"agent\" is required, e.g. \"PJSIP/201\"");
            CallRequest request = new CallRequest(body.get("agent").asText(), text(body, "scenario"), text(body, "difficulty"),
                    text(body, "at").map(CallsEndpoint::instant));
            HttpApi.json(exchange, 202, json(outbound.get().place(request)));
        } catch (IllegalArgumentException e) {
            HttpApi.text(exchange, 400, e.getMessage());
        } catch (AmiUnavailableException e) {
            HttpApi.text(exchange, 503, e.getMessage());
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"at\" must be an ISO-8601 instant like 2026-11-23T09:30:00Z, got '" + text + "'");
        }
    }

    private static Optional<String> text(JsonNode body, String field) {
        return Optional.ofNullable(body.get(field)).filter(n -> !n.isNull()).map(JsonNode::asText).filter(s -> !s.isBlank());
    }

    private static ObjectNode json(OutboundDrills.Attempt attempt) {
        return ReportJson.MAPPER.createObjectNode().put("id", attempt.id().toString()).put("agent", attempt.agent())
                .put("drill", attempt.drill()).put("at", attempt.at().toString())
                .put("state", attempt.state().name().toLowerCase(java.util.Locale.ROOT)).put("detail", attempt.detail());
    }
}
