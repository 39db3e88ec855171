package callsim.review.web;

import callsim.review.report.DrillReport;
import callsim.review.web.view.Chart;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The charts' geometry: the anger curve and the call timeline over a labelled time axis, and series over
 * an agent's drills with dated points and the pass mark.
 */
final class Charts {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d").withZone(ZoneOffset.UTC);

    private Charts() {}

    /** Anger 0-100 as a step line (each value holds until the next), one dot per point. */
    static Chart anger(List<DrillReport.AngerPoint> anger, long durationMs) {
        double w = 1000, h = 240, left = 34, right = 10, top = 10, bottom = 26;
        double plotW = w - left - right, plotH = h - top - bottom;
        StringBuilder line = new StringBuilder();
        List<Chart.Dot> dots = new ArrayList<>();
        double lastY = -1;
        for (DrillReport.AngerPoint p : anger) {
            double x = left + fraction(p.atMs(), durationMs) * plotW;
            double y = top + (100 - clamp(p.value())) / 100.0 * plotH;
            if (lastY >= 0) line.append(n(x)).append(',').append(n(lastY)).append(' ');
            line.append(n(x)).append(',').append(n(y)).append(' ');
            lastY = y;
            dots.add(new Chart.Dot(x, y, p.atMs(), Fmt.clock(p.atMs()) + " anger " + p.value(), "anger-point"));
        }
        if (lastY >= 0) line.append(n(left + plotW)).append(',').append(n(lastY));
        return new Chart(w, h, left, plotW, timeTicks(durationMs, left, plotW), valueTicks(top, plotH), line.toString().trim(),
                dots, List.of(), List.of(), durationMs);
    }

    /** One segment of the timeline. */
    record Segment(String lane, String kind, long startMs, long endMs, String label) {}

    private static final List<String> LANES = List.of("caller", "agent", "line");

    /** Lanes: caller speech, agent speech, and the line's holds, overtalk and dead air; click a segment to hear it. */
    static Chart timeline(List<Segment> segments, long durationMs) {
        double w = 1000, h = 84, left = 60, plotW = w - left - 10;
        List<Chart.Bar> bars = new ArrayList<>();
        for (Segment s : segments) {
            double x = left + fraction(s.startMs(), durationMs) * plotW;
            double width = Math.max(2, (fraction(s.endMs(), durationMs) - fraction(s.startMs(), durationMs)) * plotW);
            bars.add(new Chart.Bar(x, LANES.indexOf(s.lane()) * 20 + 2, width, 16, "seg " + s.kind(), s.startMs(), s.endMs(),
                    s.label() + " " + Fmt.clock(s.startMs()) + "–" + Fmt.clock(s.endMs())));
        }
        List<Chart.Lane> lanes = new ArrayList<>();
        for (int i = 0; i < LANES.size(); i++) lanes.add(new Chart.Lane(LANES.get(i), i * 20 + 2));
        return new Chart(w, h, left, plotW, timeTicks(durationMs, left, plotW), List.of(), "", List.of(), bars, lanes, durationMs);
    }

    /** A value 0-100 per drill, oldest to newest, dated, with the pass mark as a line when given. */
    record Point(String drillId, Instant at, String label, double value) {}

    static Chart series(List<Point> points, Integer passMark, boolean small) {
        double w = 1000, h = small ? 120 : 240, left = 34, right = 14, top = 10, bottom = 26;
        double plotW = w - left - right, plotH = h - top - bottom;
        StringBuilder line = new StringBuilder();
        List<Chart.Dot> dots = new ArrayList<>();
        List<Chart.Tick> xTicks = new ArrayList<>();
        int every = Math.max(1, points.size() / 8);
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double x = points.size() <= 1 ? left + plotW / 2 : left + plotW * i / (points.size() - 1);
            double y = top + (100 - clamp((int) Math.round(p.value()))) / 100.0 * plotH;
            line.append(n(x)).append(',').append(n(y)).append(' ');
            dots.add(new Chart.Dot(x, y, 0, p.label(), "score-point"));
            if (i % every == 0 || i == points.size() - 1) xTicks.add(new Chart.Tick(x, DAY.format(p.at())));
        }
        List<Chart.Tick> yTicks = new ArrayList<>(valueTicks(top, plotH));
        if (passMark != null) yTicks.add(new Chart.Tick(top + (100 - passMark) / 100.0 * plotH, "pass " + passMark));
        return new Chart(w, h, left, plotW, xTicks, yTicks, line.toString().trim(), dots, List.of(), List.of(), 0);
    }

    /** Five to ten round ticks over the call: every 10 s, 30 s, 1 min, ... */
    private static List<Chart.Tick> timeTicks(long durationMs, double left, double plotW) {
        long[] steps = {5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000};
        long step = steps[steps.length - 1];
        for (long s : steps) {
            if (durationMs / s <= 8) {
                step = s;
                break;
            }
        }
        List<Chart.Tick> ticks = new ArrayList<>();
        for (long t = 0; t <= durationMs; t += step) ticks.add(new Chart.Tick(left + fraction(t, durationMs) * plotW, Fmt.clock(t)));
        return ticks;
    }

    private static List<Chart.Tick> valueTicks(double top, double plotH) {
        List<Chart.Tick> ticks = new ArrayList<>();
        for (int v = 0; v <= 100; v += 50) ticks.add(new Chart.Tick(top + (100 - v) / 100.0 * plotH, String.valueOf(v)));
        return ticks;
    }

    private static double fraction(long ms, long durationMs) {
        return durationMs <= 0 ? 0 : Math.min(1, Math.max(0, (double) ms / durationMs));
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(100, value));
    }

    private static String n(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
