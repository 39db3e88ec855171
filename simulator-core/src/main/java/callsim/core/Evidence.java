package callsim.core;

import java.util.Objects;

/**
 * One observation behind a technique's score: when it happened on the call's media clock, what kind
 * of thing it was (e.g. "interruption", "specific-apology"), the words heard (or empty), the seconds
 * measured (or -1 when it is not a measurement), and a plain-language note for the trainee.
 */
public record Evidence(long atMs, String kind, String words, double seconds, String note) {
    public static final double NOT_MEASURED = -1;

    public Evidence {
        Objects.requireNonNull(kind, "kind");
        words = words == null ? "" : words;
        note = note == null ? "" : note;
    }

    static Evidence said(long atMs, String kind, String words, String note) {
        return new Evidence(atMs, kind, words, NOT_MEASURED, note);
    }

    static Evidence measured(long atMs, String kind, double seconds, String note) {
        return new Evidence(atMs, kind, "", seconds, note);
    }

    static Evidence noted(long atMs, String kind, String note) {
        return new Evidence(atMs, kind, "", NOT_MEASURED, note);
    }

    public boolean isMeasurement() {
        return seconds >= 0;
    }
}
