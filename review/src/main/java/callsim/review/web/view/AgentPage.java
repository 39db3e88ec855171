package callsim.review.web.view;

import java.util.List;

/** One agent's progress: the score over time with dates and the pass mark, each technique's trend, line habits. */
public record AgentPage(Chrome chrome, String name, String key, long total, int shown, Chart scores, List<Trend> techniques,
                        List<Trend> habits, List<Row> rows) {
    /** A small chart of one series over the drills, with its latest value. */
    public record Trend(String name, String latest, Chart chart) {}

    /** One drill; {@code provisional}: its post-call transcript is still pending, {@code liveOnly}: that pass failed. */
    public record Row(String id, String link, When startedAt, String scenarioTitle, String difficulty, String score,
                      boolean provisional, boolean liveOnly, String hold, String interruptions, String deadAir, String talkShare) {}
}
