package callsim.review.web.view;

import java.util.List;

/**
 * An SVG chart's geometry, worked out in Java so the template only places it: every coordinate is a
 * number in the viewBox, geometry lives in attributes (never style), so the page needs no inline CSS.
 */
public record Chart(double width, double height, double left, double plotWidth, List<Tick> xTicks, List<Tick> yTicks,
                    String line, List<Dot> dots, List<Bar> bars, List<Lane> lanes, long durationMs) {
    /** A labelled grid line at {@code at} (x for the time axis, y for values). */
    public record Tick(double at, String label) {}

    /** A point with its time (click to play from it) and its tooltip. */
    public record Dot(double x, double y, long atMs, String label, String cssClass) {}

    /** A timeline segment. */
    public record Bar(double x, double y, double width, double height, String cssClass, long startMs, long endMs, String label) {}

    public record Lane(String name, double y) {}
}
