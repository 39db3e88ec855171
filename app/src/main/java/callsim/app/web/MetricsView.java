package callsim.app.web;

import com.fasterxml.jackson.databind.JsonNode;

/** The line metrics of one drill as a small table. */
final class MetricsView {
    private MetricsView() {}

    static Html render(JsonNode m) {
        Html h = new Html().open("section", "id", "metrics-section").el("h2", "Line metrics").open("table", "id", "metrics");
        row(h, "Holds", m.path("holdCount").asInt() + " (" + Fmt.seconds(m.path("holdSeconds").asDouble())
                + ", longest " + Fmt.seconds(m.path("longestHoldSeconds").asDouble()) + ")");
        row(h, "Agent interruptions", m.path("agentInterruptions").asText("0"));
        row(h, "Caller interruptions", m.path("callerInterruptions").asText("0"));
        row(h, "Overtalk", Fmt.seconds(m.path("overtalkSeconds").asDouble()));
        row(h, "Dead air", Fmt.seconds(m.path("deadAirSeconds").asDouble()));
        row(h, "Agent talk", Fmt.seconds(m.path("agentTalkSeconds").asDouble()));
        row(h, "Caller talk", Fmt.seconds(m.path("callerTalkSeconds").asDouble()));
        JsonNode latency = m.path("callerResponseLatencyMs");
        if (latency.hasNonNull("p50")) {
            row(h, "Caller response latency", "p50 " + latency.path("p50").asLong() + " ms, p95 " + latency.path("p95").asLong() + " ms");
        }
        return h.close("table").close("section");
    }

    private static void row(Html h, String name, String value) {
        h.open("tr").el("th", name, "scope", "row").el("td", value).close("tr");
    }
}
