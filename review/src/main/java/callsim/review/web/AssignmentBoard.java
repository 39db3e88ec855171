package callsim.review.web;

import callsim.core.Difficulty;
import callsim.review.assign.AgentProgress;
import callsim.review.assign.Assignment;
import callsim.review.assign.AssignmentItem;
import callsim.review.assign.AssignmentRequest;
import callsim.review.assign.AssignmentRules;
import callsim.review.assign.Goal;
import callsim.review.assign.Progress;
import callsim.review.auth.JdbcAccounts;
import callsim.review.auth.Role;
import callsim.review.auth.User;
import callsim.review.report.DrillReport;
import callsim.review.report.EffectiveScore;
import callsim.review.store.DrillRow;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assignments as one user may see and set them, for the pages, the API and the exports alike: an admin
 * every assignment, a supervisor their team's (set for the team or for one of its agents), an agent their
 * own, with only their own progress. What a user may not see is "not found".
 */
final class AssignmentBoard {
    /** Figures over a set of agents' progress: completion, who is overdue, and how the counted drills went. */
    record Stats(int agents, int complete, List<String> overdue, int attempts, int passes, double scoreSum, List<Weak> weakest) {
        String completion() {
            return complete + " of " + agents;
        }

        String passRate() {
            return attempts == 0 ? "—" : Math.round(100.0 * passes / attempts) + " %";
        }

        String average() {
            return attempts == 0 ? "—" : Fmt.number(scoreSum / attempts);
        }
    }

    /** A technique's average score over the counted drills. */
    record Weak(String technique, double average, int drills) {
        String text() {
            return technique + " (" + Fmt.number(average) + ")";
        }
    }

    record Summary(Assignment assignment, String team, List<AgentProgress> agents, Stats stats) {}

    record TeamSummary(String team, int assignments, Stats stats) {}

    /** Due dates to list, both ends included; an assignment without one is left out once either end is set. */
    record DueRange(Optional<LocalDate> from, Optional<LocalDate> to) {
        static final DueRange ANY = new DueRange(Optional.empty(), Optional.empty());

        static DueRange of(String from, String to) {
            return new DueRange(date("dueFrom", from), date("dueTo", to));
        }

        boolean any() {
            return from.isEmpty() && to.isEmpty();
        }

        boolean includes(Assignment a) {
            if (any()) return true;
            if (a.due().isEmpty()) return false;
            LocalDate due = a.due().get();
            return from.filter(due::isBefore).isEmpty() && to.filter(due::isAfter).isEmpty();
        }
    }

    private final Progress progress;
    private final AssignmentRules rules;
    private final JdbcAccounts accounts;
    private final Drills drills;
    private final Names names;
    private final Clock clock;

    AssignmentBoard(Progress progress, AssignmentRules rules, JdbcAccounts accounts, Drills drills, Names names, Clock clock) {
        this.progress = progress;
        this.rules = rules;
        this.accounts = accounts;
        this.drills = drills;
        this.names = names;
        this.clock = clock;
    }

    /** Today where callsim runs: due dates are days on the trainers' calendar, not UTC. */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
    }

    Names names() {
        return names;
    }

    /**
     * Checks and stores an assignment.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    Assignment create(User trainer, AssignmentRequest request) {
        return progress.assignments().create(rules.check(trainer, request, today()), trainer.username());
    }

    List<Assignment> visible(User user, DueRange due) {
        List<Assignment> all = switch (user.role()) {
            case ADMIN -> progress.assignments().all();
            case SUPERVISOR -> user.team().map(t -> progress.assignments().forTeam(t, accounts.agentKeysInTeam(t))).orElse(List.of());
            case AGENT -> user.agentKey().map(k -> progress.forAgent(k).stream().map(AgentProgress::assignment).toList()).orElse(List.of());
        };
        return all.stream().filter(due::includes).toList();
    }

    Assignment visible(User user, long id) {
        return visible(user, DueRange.ANY).stream().filter(a -> a.id() == id).findFirst().orElseThrow(() -> new NotFoundResponse("not found"));
    }

    /** The assignment's agents' progress, as far as the user may see it (an agent: their own). */
    Summary summary(User user, Assignment assignment) {
        List<AgentProgress> agents = user.role() == Role.AGENT
                ? user.agentKey().map(k -> List.of(progress.of(assignment, k))).orElse(List.of())
                : progress.of(assignment);
        return new Summary(assignment, team(assignment), agents, stats(agents));
    }

    /** An agent's own assignments, unfinished and soonest due first. */
    List<AgentProgress> forAgent(String agentKey) {
        return progress.forAgent(agentKey);
    }

    /** One row per team over its assignments' summaries, by team name. */
    List<TeamSummary> byTeam(List<Summary> summaries) {
        Map<String, List<Summary>> teams = new LinkedHashMap<>();
        summaries.forEach(s -> teams.computeIfAbsent(s.team(), k -> new ArrayList<>()).add(s));
        List<TeamSummary> rows = new ArrayList<>();
        teams.forEach((team, list) -> rows.add(new TeamSummary(team, list.size(),
                stats(list.stream().flatMap(s -> s.agents().stream()).toList()))));
        rows.sort(Comparator.comparing(TeamSummary::team, String.CASE_INSENSITIVE_ORDER));
        return rows;
    }

    private String team(Assignment a) {
        return a.team().orElseGet(() -> accounts.findByAgentKey(a.agentKey().orElseThrow()).flatMap(User::team).orElse("(no team)"));
    }

    Stats stats(List<AgentProgress> agents) {
        LocalDate today = today();
        int complete = 0;
        int attempts = 0;
        int passes = 0;
        double scoreSum = 0;
        List<String> overdue = new ArrayList<>();
        Map<String, double[]> techniques = new LinkedHashMap<>();
        for (AgentProgress p : agents) {
            if (p.complete()) complete++;
            if (p.overdue(today)) overdue.add(names.agentByKey(p.agentKey(), p.agentKey()));
            for (DrillRow r : p.attempts()) {
                attempts++;
                passes += r.passed().orElse(false) ? 1 : 0;
                scoreSum += r.scoreTotal().orElse(0);
                addTechniques(r, techniques);
            }
        }
        List<Weak> weakest = techniques.entrySet().stream()
                .map(e -> new Weak(e.getKey(), e.getValue()[0] / e.getValue()[1], (int) e.getValue()[1]))
                .sorted(Comparator.comparingDouble(Weak::average)).limit(3).toList();
        return new Stats(agents.size(), complete, overdue, attempts, passes, scoreSum, weakest);
    }

    /** Each applicable technique's score in the drill, counting supervisors' overrides, as the team page does. */
    private void addTechniques(DrillRow r, Map<String, double[]> techniques) {
        Optional<DrillReport> report = drills.store().report(r.id());
        if (report.isEmpty()) return;
        EffectiveScore effective = EffectiveScore.of(report.get().score(), report.get().outcome(),
                DrillViews.changes(r.overridden() ? drills.store().overrides(r.id()) : List.of()));
        for (DrillReport.Technique t : report.get().score().techniques()) {
            if (!t.applicable()) continue;
            double[] sum = techniques.computeIfAbsent(t.id() + " " + t.name(), k -> new double[2]);
            sum[0] += effective.techniqueScores().getOrDefault(t.id(), t.score());
            sum[1]++;
        }
    }

    // ---- reading requests, the same words for the form and the API ----

    static Optional<LocalDate> date(String field, String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        try {
            return Optional.of(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a date; use YYYY-MM-DD, like 2026-12-11");
        }
    }

    /** One item from its four fields as typed; {@code goal} "passes" or "score". */
    static AssignmentItem item(String scenario, String difficulty, String goal, String amount) {
        String id = scenario == null ? "" : scenario.trim().toLowerCase(java.util.Locale.ROOT);
        Difficulty level = difficulty == null || difficulty.isBlank() ? Difficulty.NORMAL : Difficulty.parse(difficulty);
        Goal target = goal == null || goal.isBlank() ? Goal.PASSES : Goal.parse(goal);
        int n;
        try {
            n = Integer.parseInt(amount == null ? "" : amount.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("target for " + id + ": '" + amount + "' is not a whole number");
        }
        return new AssignmentItem(id, level, target, n);
    }

    static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(s -> !s.isEmpty());
    }
}
