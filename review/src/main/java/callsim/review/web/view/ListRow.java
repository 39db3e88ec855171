package callsim.review.web.view;

/**
 * One drill in a list. {@code score} is empty while the drill runs; {@code overridden} when a supervisor's
 * override changed it; {@code postCall} the state of a phone drill's post-call pass ("pending": the score is
 * provisional, "failed": the live score stands, "done"), null without one.
 */
public record ListRow(String id, String link, When startedAt, String agentName, String agentLink, String scenarioTitle,
                      String difficulty, String status, String outcome, String score, Boolean passed, boolean overridden,
                      String postCall) {
    public boolean provisional() {
        return "pending".equals(postCall);
    }

    public boolean liveOnly() {
        return "failed".equals(postCall);
    }
}
