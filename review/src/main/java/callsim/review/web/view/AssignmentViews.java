package callsim.review.web.view;

import java.util.List;

/** What the assignment pages show: the trainers' list and form, one assignment's agents, and an agent's own work. */
public final class AssignmentViews {
    private AssignmentViews() {}

    /** {@code /assignments}: per assignment and per team, the due-date filter, the exports and the form to assign. */
    public record ListPage(Chrome chrome, String dueFrom, String dueTo, List<Row> rows, List<TeamRow> teams, List<DrillList.Option> scenarios,
                           List<String> difficulties, Form form, String message, String error, String csv, String json) {}

    public record Row(long id, String link, String title, String assignee, String team, String due, String completion,
                      String overdue, String passRate, String average, String weakest) {}

    public record TeamRow(String team, int assignments, String completion, int overdue, String passRate, String average, String weakest) {}

    /** The form as last typed, so a refused assignment is not lost: up to {@link #ITEMS} scenario lines. */
    public record Form(String title, String agent, String team, String due, List<FormItem> items) {
        public static final int ITEMS = 4;
    }

    public record FormItem(String scenario, String difficulty, String goal, String amount) {}

    /** {@code /assignments/ID}: one row per agent. */
    public record DetailPage(Chrome chrome, long id, String title, String assignee, String due, String createdBy, List<String> items,
                             String completion, String overdue, String passRate, String average, String weakest, List<AgentRow> agents) {}

    public record AgentRow(String key, String name, String link, String status, String itemsDone, int attempts, String passRate,
                           String average, String best, String left) {}

    /** On an agent's page: their assignments, what each drill still needs and the attempts so far. */
    public record AgentWork(String assignment, String due, String status, List<Item> items) {}

    public record Item(String drill, String target, int attempts, String best, String left, List<Attempt> tries) {}

    public record Attempt(String link, String label) {}
}
