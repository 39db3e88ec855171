package callsim.app.http;

import callsim.app.asterisk.CallRequest;
import callsim.app.asterisk.OutboundDrills;
import callsim.review.report.ReportMapper;
import callsim.review.web.CallControl;
import callsim.telephony.asterisk.AmiUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /api/calls} for the review's HTTP port: rings an agent's phone with a drill through AMI, now or at
 * {@code at}, and lists recent and scheduled calls. The review module serves it behind the control token.
 */
public final class CallsEndpoint implements CallControl {
    private final Optional<OutboundDrills> outbound;

    public CallsEndpoint(Optional<OutboundDrills> outbound) {
        this.outbound = outbound;
    }

    @Override
    public JsonNode list() {
        ArrayNode list = ReportMapper.MAPPER.createArrayNode();
        drills().attempts().forEach(a -> list.add(json(a)));
        return list;
    }

    @Override
    public JsonNode place(JsonNode body) {
        OutboundDrills drills = drills();
        if (body != null && body.hasNonNull("assignment")) return placeAssignment(drills, body);
        if (body == null || !body.hasNonNull("agent")) throw new IllegalArgumentException("\"agent\" is required, e.g. \"PJSIP/201\"");
        CallRequest request = new CallRequest(body.get("agent").asText(), text(body, "scenario"), text(body, "difficulty"),
                text(body, "at").map(CallsEndpoint::instant));
        try {
            return json(drills.place(request));
        } catch (AmiUnavailableException e) {
            throw new Unavailable(e.getMessage());
        }
    }

    /** {@code {"assignment": 12, "device": "PJSIP/{agent}", "at": ...}}: a list of the calls placed (or the one scheduled). */
    private JsonNode placeAssignment(OutboundDrills drills, JsonNode body) {
        JsonNode id = body.get("assignment");
        if (!id.canConvertToLong() || id.asLong() <= 0) throw new IllegalArgumentException("\"assignment\" must be an assignment number, got " + id);
        CallRequest request = CallRequest.forAssignment(id.asLong(), text(body, "device").orElse(CallRequest.DEFAULT_DEVICE),
                text(body, "at").map(CallsEndpoint::instant));
        ArrayNode placed = ReportMapper.MAPPER.createArrayNode();
        try {
            drills.placeAssignment(request.assignment().orElseThrow(), request.agent(), request.at()).forEach(a -> placed.add(json(a)));
        } catch (AmiUnavailableException e) {
            throw new Unavailable(e.getMessage());
        }
        return placed;
    }

    private OutboundDrills drills() {
        return outbound.orElseThrow(() -> new Unavailable("this server has no AMI link: start serve with --ami HOST:PORT --ami-user USER"));
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
        return ReportMapper.MAPPER.createObjectNode().put("id", attempt.id().toString()).put("agent", attempt.agent())
                .put("drill", attempt.drill()).put("at", attempt.at().toString())
                .put("state", attempt.state().name().toLowerCase(Locale.ROOT)).put("detail", attempt.detail());
    }
}
