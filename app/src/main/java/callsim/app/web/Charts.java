package callsim.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * Server-side SVG: the anger curve, the call timeline (speech, holds, overtalk, dead air) and an agent's
 * scores. Geometry lives in attributes, never in style, so the pages need no inline CSS under the CSP.
 */
final class Charts {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    private Charts() {}

    /** Anger 0-100 as a step line (each value holds until the next), one circle per point. */
    static Html anger(JsonNode anger, long durationMs) {
        double w = 1000, h = 240, left = 34, right = 10, top = 10, bottom = 24;
        double plotW = w - left - right, plotH = h - top - bottom;
        Html svg = svg("anger-chart", w, h, "Caller anger over the call, 0 to 100");
        for (int v = 0; v <= 100; v += 50) {
            double y = top + (100 - v) / 100.0 * plotH;
            svg.leaf("line", "class", "grid", "x1", n(left), "x2", n(w - right), "y1", n(y), "y2", n(y))
                    .el("text", String.valueOf(v), "class", "axis", "x", n(left - 6), "y", n(y + 4), "text-anchor", "end");
        }
        svg.el("text", "00:00", "class", "axis", "x", n(left), "y", n(h - 6))
                .el("text", Fmt.clock(durationMs), "class", "axis", "x", n(w - right), "y", n(h - 6), "text-anchor", "end");
        StringBuilder line = new StringBuilder();
        double lastY = -1;
        for (JsonNode p : anger) {
            double x = left + fraction(p.path("atMs").asLong(), durationMs) * plotW;
            double y = top + (100 - clamp(p.path("value").asInt())) / 100.0 * plotH;
            if (lastY >= 0) line.append(n(x)).append(',').append(n(lastY)).append(' ');
            line.append(n(x)).append(',').append(n(y)).append(' ');
            lastY = y;
        }
        if (lastY >= 0) line.append(n(left + plotW)).append(',').append(n(lastY));
        svg.leaf("polyline", "class", "anger-line", "points", line.toString().trim());
        for (JsonNode p : anger) {
            long at = p.path("atMs").asLong();
            int value = p.path("value").asInt();
            svg.open("circle", "class", "anger-point", "data-at-ms", String.valueOf(at), "data-value", String.valueOf(value),
                            "cx", n(left + fraction(at, durationMs) * plotW), "cy", n(top + (100 - clamp(value)) / 100.0 * plotH), "r", "4")
                    .el("title", Fmt.clock(at) + " anger " + value).close("circle");
        }
        return svg.close("svg");
    }

    /** One segment of the timeline bar. */
    record Segment(String lane, String kind, long startMs, long endMs, String label) {}

    /** Lanes: caller speech, agent speech, and the line's holds, overtalk and dead air; click a segment to hear it. */
    static Html timeline(List<Segment> segments, long durationMs) {
        double w = 1000, h = 66, left = 60, plotW = w - left - 6;
        Html svg = svg("timeline", w, h, "Call timeline: who spoke, holds, overtalk and dead air", "none");
        String[] lanes = {"caller", "agent", "line"};
        for (int i = 0; i < lanes.length; i++) {
            svg.el("text", lanes[i], "class", "axis", "x", "0", "y", n(i * 20 + 14));
            svg.leaf("rect", "class", "lane", "x", n(left), "y", n(i * 20 + 2), "width", n(plotW), "height", "16");
        }
        for (Segment s : segments) {
            int lane = List.of(lanes).indexOf(s.lane());
            double x = left + fraction(s.startMs(), durationMs) * plotW;
            double width = Math.max(2, (fraction(s.endMs(), durationMs) - fraction(s.startMs(), durationMs)) * plotW);
            svg.open("rect", "class", "seg " + s.kind(), "data-at-ms", String.valueOf(s.startMs()),
                            "data-end-ms", String.valueOf(s.endMs()), "x", n(x), "y", n(lane * 20 + 2), "width", n(width), "height", "16")
                    .el("title", s.label() + " " + Fmt.clock(s.startMs()) + "–" + Fmt.clock(s.endMs())).close("rect");
        }
        svg.leaf("line", "id", "playhead", "class", "playhead", "x1", n(left), "x2", n(left), "y1", "0", "y2", n(h),
                "data-left", n(left), "data-width", n(plotW), "data-duration-ms", String.valueOf(durationMs));
        return svg.close("svg");
    }

    record ScorePoint(String drillId, String label, int score) {}

    /** An agent's drill scores in order, one point per drill. */
    static Html scores(List<ScorePoint> points) {
        double w = 1000, h = 220, left = 34, right = 14, top = 10, bottom = 14;
        double plotW = w - left - right, plotH = h - top - bottom;
        Html svg = svg("score-chart", w, h, "Score per drill, oldest to newest");
        for (int v = 0; v <= 100; v += 50) {
            double y = top + (100 - v) / 100.0 * plotH;
            svg.leaf("line", "class", "grid", "x1", n(left), "x2", n(w - right), "y1", n(y), "y2", n(y))
                    .el("text", String.valueOf(v), "class", "axis", "x", n(left - 6), "y", n(y + 4), "text-anchor", "end");
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            line.append(n(x(i, points.size(), left, plotW))).append(',')
                    .append(n(top + (100 - clamp(points.get(i).score())) / 100.0 * plotH)).append(' ');
        }
        svg.leaf("polyline", "class", "score-line", "points", line.toString().trim());
        for (int i = 0; i < points.size(); i++) {
            ScorePoint p = points.get(i);
            svg.open("circle", "class", "score-point", "data-id", p.drillId(), "data-score", String.valueOf(p.score()),
                            "cx", n(x(i, points.size(), left, plotW)), "cy", n(top + (100 - clamp(p.score())) / 100.0 * plotH), "r", "4")
                    .el("title", p.label() + ": " + p.score()).close("circle");
        }
        return svg.close("svg");
    }

    private static double x(int i, int count, double left, double plotW) {
        return count <= 1 ? left + plotW / 2 : left + plotW * i / (count - 1);
    }

    private static Html svg(String id, double w, double h, String label) {
        return svg(id, w, h, label, null);
    }

    /** {@code aspect} "none" lets a bar stretch to the page width (no circles there to distort). */
    private static Html svg(String id, double w, double h, String label, String aspect) {
        return new Html().open("svg", "id", id, "xmlns", SVG_NS, "viewBox", "0 0 " + n(w) + " " + n(h),
                "role", "img", "aria-label", label, "preserveAspectRatio", aspect);
    }

    private static double fraction(long ms, long durationMs) {
        return durationMs <= 0 ? 0 : Math.min(1, Math.max(0, (double) ms / durationMs));
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(100, value));
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
