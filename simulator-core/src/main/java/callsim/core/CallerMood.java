package callsim.core;

import java.util.ArrayList;
import java.util.List;

/** The caller's anger over time: the value, its band, the curve, and how long it has been at the top. */
final class CallerMood {
    static final int TOP = 95;

    private int anger;
    private long atTopSinceMs = -1;
    private final List<AngerPoint> curve = new ArrayList<>();

    CallerMood(int startingAnger, long atMs) {
        anger = clamp(startingAnger);
        curve.add(new AngerPoint(atMs, anger));
        if (anger >= TOP) atTopSinceMs = atMs;
    }

    int anger() { return anger; }

    AngerBand band() { return AngerBand.of(anger); }

    List<AngerPoint> curve() { return List.copyOf(curve); }

    /** How long anger has been at the top without a break, or -1 when it is below. */
    long atTopForMs(long nowMs) {
        return atTopSinceMs < 0 ? -1 : nowMs - atTopSinceMs;
    }

    void change(int delta, long atMs) {
        int next = clamp(anger + delta);
        if (next == anger) return;
        anger = next;
        curve.add(new AngerPoint(atMs, anger));
        if (anger < TOP) atTopSinceMs = -1;
        else if (atTopSinceMs < 0) atTopSinceMs = atMs;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(100, value));
    }
}
