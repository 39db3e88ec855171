package callsim.review.web.view;

/**
 * One drill in a list. {@code score} is empty while the drill runs; {@code overridden} when a supervisor's
 * override changed it.
 */
public record ListRow(String id, String link, When startedAt, String agentName, String agentLink, String scenarioTitle,
                      String difficulty, String status, String outcome, String score, Boolean passed, boolean overridden) {}
