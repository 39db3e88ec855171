package callsim.review.web.view;

import java.util.List;

/**
 * The drill page, top first: what happened and the score with the advice (and what it was scored from), then the
 * player, the timeline and anger charts, the scorecard, what the agent said beside what the caller heard, the
 * transcript and the line metrics.
 */
public record DrillPage(Chrome chrome, String id, String title, String agentName, String agentLink, String difficulty,
                        When startedAt, String length, String status, String outcome, Summary summary, String recording,
                        Chart timeline, Chart anger, List<TechniqueRow> techniques, List<Turn> transcript,
                        List<Metric> metrics, String overrideAction, ScoredFrom scoredFrom, List<SaidAndHeard> saidAndHeard) {
    /**
     * The score at the top; absent while the drill runs. {@code automatic} is the pipeline's total when
     * overrides changed it. {@code notHeardClearly}: a note for each agent turn heard too poorly to score.
     */
    public record Summary(int total, Integer automatic, int passMark, boolean passed, String verdict, List<String> advice,
                          List<String> notHeardClearly) {}

    public record Turn(long startMs, String clock, String range, String speaker, String text) {}

    public record Metric(String name, String value) {}

    /**
     * What the score was taken from, for a phone drill once the call ended: {@code status} "pending" (the live
     * recognition, provisional), "done" (the post-call transcript; {@code liveTotal} and {@code livePassed} what the
     * live one gave) or "failed" (the live recognition, {@code reason} why the post-call one failed).
     */
    public record ScoredFrom(String status, String reason, Integer liveTotal, Boolean livePassed) {}

    /** One agent turn as said (post-call transcript) and as the caller heard it live, words that differ marked. */
    public record SaidAndHeard(long startMs, String clock, String range, List<Word> said, List<Word> heard, boolean differ) {}

    /** A word of a transcript; {@code changed}: not on the other side. */
    public record Word(String text, boolean changed) {}
}
