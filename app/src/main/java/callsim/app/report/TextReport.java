package callsim.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** A drill report as a supervisor reads it in a terminal. */
public final class TextReport {
    private TextReport() {}

    public static String format(JsonNode report) {
        return format(report, false);
    }

    /** {@code stillRunning}: the drill is going on, so an unfinished report is its report so far, not a broken one. */
    public static String format(JsonNode report, boolean stillRunning) {
        StringBuilder out = new StringBuilder();
        JsonNode m = report.path("metrics");
        line(out, "Drill %s  scenario %s (%s)  agent %s", report.path("id").asText(), report.path("scenario").asText(),
                report.path("difficulty").asText(), report.path("agent").asText());
        line(out, "Started %s  ended %s%s", report.path("startedAt").asText(), report.path("endedAt").asText("-"),
                report.path("complete").asBoolean() ? ""
                        : stillRunning ? "  (IN PROGRESS: the drill is still running; this is its report so far)"
                        : "  (PARTIAL: the drill did not finish cleanly)");
        line(out, "Outcome: %s (%s)", report.path("outcome").asText(), report.path("outcomeReason").asText());
        JsonNode score = report.path("score");
        if (!score.isMissingNode()) {
            line(out, "Score: %d/100, %s (pass mark %d). %s", score.path("total").asInt(),
                    score.path("passed").asBoolean() ? "PASSED" : "NOT PASSED", score.path("passMark").asInt(),
                    score.path("verdict").asText());
            for (JsonNode technique : score.path("techniques")) {
                if (!technique.path("applicable").asBoolean(true)) continue;
                line(out, "  %-4s %-40s %3d", technique.path("id").asText(), technique.path("name").asText(),
                        technique.path("score").asInt());
            }
            for (JsonNode advice : score.path("advice")) line(out, "  * %s", advice.asText());
        }
        out.append('\n');
        line(out, "Line metrics");
        line(out, "  hold: %d, %.1f s in total, longest %.1f s", m.path("holdCount").asInt(),
                m.path("holdSeconds").asDouble(), m.path("longestHoldSeconds").asDouble());
        line(out, "  interruptions: agent %d, caller %d; overtalk %.1f s; dead air %.1f s",
                m.path("agentInterruptions").asInt(), m.path("callerInterruptions").asInt(),
                m.path("overtalkSeconds").asDouble(), m.path("deadAirSeconds").asDouble());
        line(out, "  talk: agent %.1f s, caller %.1f s", m.path("agentTalkSeconds").asDouble(),
                m.path("callerTalkSeconds").asDouble());
        JsonNode latency = m.path("callerResponseLatencyMs");
        line(out, "  caller response latency: p50 %s ms, p95 %s ms (%d replies)", latency.path("p50").asText("-"),
                latency.path("p95").asText("-"), latency.path("count").asInt());
        out.append('\n');
        StringBuilder curve = new StringBuilder();
        for (JsonNode point : report.path("anger")) {
            if (curve.length() > 0) curve.append(" → ");
            curve.append(point.path("value").asInt()).append(" @").append(seconds(point.path("atMs").asLong()));
        }
        line(out, "Anger: %s", curve);
        out.append('\n');
        line(out, "Transcript");
        for (JsonNode entry : report.path("transcript")) {
            String text = entry.path("text").asText();
            line(out, "  [%7s] %-6s %s", seconds(entry.path("startMs").asLong()), entry.path("speaker").asText(),
                    text.isEmpty() ? "(not recognised)" : text);
        }
        return out.toString();
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
