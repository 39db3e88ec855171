package callsim.review.web;

import callsim.review.auth.Role;
import callsim.review.auth.User;
import callsim.review.report.DrillReport;
import callsim.review.report.EffectiveScore;
import callsim.review.store.DrillFilter;
import callsim.review.store.DrillRow;
import callsim.review.store.DrillStatus;
import callsim.review.web.view.TeamPage;
import callsim.review.web.view.When;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code /team}: a supervisor's (or admin's) overview of the drills they may see, counting overrides. */
final class Team {
    /** The most recent finished drills counted. */
    static final int RECENT = 500;

    private final Drills drills;
    private final Views views;
    private final Names names;

    Team(Drills drills, Views views, Names names) {
        this.drills = drills;
        this.views = views;
        this.names = names;
    }

    void routes(RoutesConfig routes) {
        routes.get("/team", this::page, Gate.PAGE);
    }

    /** Running totals of one technique, scenario or agent. */
    private static final class Tally {
        int drills;
        int passed;
        double scoreSum;
        String name = "";
        java.time.Instant last;
        final Map<String, double[]> techniques = new LinkedHashMap<>();
    }

    private void page(Context ctx) {
        User user = Guard.user(ctx);
        if (user.role() == Role.AGENT) throw new NotFoundResponse("not found");
        List<DrillRow> rows = drills.list(user, DrillFilter.all(), 0, RECENT).items().stream()
                .filter(r -> r.status() != DrillStatus.RUNNING && r.scoreTotal().isPresent()).toList();
        Tally team = new Tally();
        Map<String, Tally> byScenario = new LinkedHashMap<>();
        Map<String, Tally> byAgent = new LinkedHashMap<>();
        for (DrillRow r : rows) {
            boolean passed = r.passed().orElse(false);
            int score = r.scoreTotal().get();
            Tally scenario = byScenario.computeIfAbsent(r.scenario(), k -> new Tally());
            scenario.name = names.scenario(r.scenario());
            String agentKey = r.agentKey().orElse(r.agent());
            Tally agent = byAgent.computeIfAbsent(agentKey, k -> new Tally());
            agent.name = names.agent(r);
            if (agent.last == null || r.startedAt().isAfter(agent.last)) agent.last = r.startedAt();
            for (Tally t : List.of(team, scenario, agent)) {
                t.drills++;
                t.passed += passed ? 1 : 0;
                t.scoreSum += score;
            }
            drills.store().report(r.id()).ifPresent(report -> {
                EffectiveScore effective = EffectiveScore.of(report.score(), report.outcome(),
                        DrillViews.changes(r.overridden() ? drills.store().overrides(r.id()) : List.of()));
                for (DrillReport.Technique t : report.score().techniques()) {
                    if (!t.applicable()) continue;
                    int s = effective.techniqueScores().getOrDefault(t.id(), t.score());
                    for (Tally tally : List.of(team, agent)) {
                        double[] sum = tally.techniques.computeIfAbsent(t.id() + " " + t.name(), k -> new double[2]);
                        sum[0] += s;
                        sum[1]++;
                    }
                }
            });
        }
        List<TeamPage.Weak> weakest = team.techniques.entrySet().stream()
                .sorted(Comparator.comparingDouble(e -> e.getValue()[0] / e.getValue()[1])).limit(5)
                .map(e -> new TeamPage.Weak(e.getKey(), Fmt.number(e.getValue()[0] / e.getValue()[1]), (int) e.getValue()[1])).toList();
        List<TeamPage.Failed> failed = byScenario.values().stream().filter(t -> t.drills > t.passed)
                .sorted(Comparator.comparingInt((Tally t) -> t.drills - t.passed).reversed()).limit(5)
                .map(t -> new TeamPage.Failed(t.name, t.drills - t.passed, t.drills)).toList();
        List<TeamPage.AgentRow> agents = new ArrayList<>();
        byAgent.forEach((key, t) -> agents.add(new TeamPage.AgentRow(t.name, Paths.ID.matcher(key).matches() ? Paths.agent(key) : null,
                t.drills, percent(t.passed, t.drills), Fmt.number(t.scoreSum / t.drills),
                t.techniques.entrySet().stream().min(Comparator.comparingDouble(e -> e.getValue()[0] / e.getValue()[1]))
                        .map(Map.Entry::getKey).orElse("—"), When.of(t.last))));
        agents.sort(Comparator.comparing(TeamPage.AgentRow::name, String.CASE_INSENSITIVE_ORDER));
        views.render(ctx, "team.jte", Map.of("v", new TeamPage(Views.chrome(ctx, "Team"), team.drills,
                percent(team.passed, team.drills), weakest, failed, agents)));
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "—" : String.format(Locale.ROOT, "%d %%", Math.round(100.0 * part / whole));
    }
}
