package callsim.review.web.view;

import java.util.List;

/**
 * The team at a glance for a supervisor: pass rate and the weakest techniques over the recent finished
 * drills, the scenarios failed most, and one row per agent.
 */
public record TeamPage(Chrome chrome, int drills, String passRate, List<Weak> weakest, List<Failed> mostFailed, List<AgentRow> agents) {
    public record Weak(String technique, String average, int drills) {}

    public record Failed(String scenario, int failed, int drills) {}

    public record AgentRow(String name, String link, int drills, String passRate, String average, String weakest, When last) {}
}
