package callsim.app.web;

import callsim.app.store.DrillRow;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@code /agents/{agentKey}}: one agent's drills over time, score chart and key line metrics per drill. */
final class AgentPage {
    /** The most recent drills shown; older ones are in the list and exports. */
    static final int MAX_DRILLS = 200;

    private final Drills drills;

    AgentPage(Drills drills) {
        this.drills = drills;
    }

    void render(Request request) throws IOException {
        String key = request.pathPart("key");
        // Already restricted and narrowed to this agent: list the store directly, not through restrict() again.
        var page = drills.store().list(drills.agentFilter(request.user(), key), 0, MAX_DRILLS);
        List<DrillRow> rows = new ArrayList<>(page.items());
        rows.sort(Comparator.comparing(DrillRow::startedAt));
        String name = rows.isEmpty() ? key : rows.get(rows.size() - 1).agent();
        Html main = new Html().el("h1", name).el("p", "Agent " + key + " · " + page.total() + " drills"
                + (page.total() > rows.size() ? " (the latest " + rows.size() + " shown)" : ""), "class", "summary");
        List<Charts.ScorePoint> points = new ArrayList<>();
        for (DrillRow r : rows) {
            r.scoreTotal().ifPresent(s -> points.add(new Charts.ScorePoint(r.id(), Fmt.when(r.startedAt()) + " " + r.scenario(), s)));
        }
        main.open("section").el("h2", "Score per drill").trusted(Charts.scores(points)).close("section");
        main.open("section").el("h2", "Drills").open("table", "id", "agent-drills").open("thead").open("tr");
        for (String head : new String[] {"Started", "Scenario", "Difficulty", "Score", "Hold", "Interruptions", "Dead air"}) {
            main.el("th", head);
        }
        main.close("tr").close("thead").open("tbody");
        for (DrillRow r : rows) {
            Optional<JsonNode> metrics = drills.store().report(r.id()).map(rep -> rep.path("metrics"));
            main.open("tr", "data-id", r.id())
                    .open("td").el("a", Fmt.when(r.startedAt()), "href", Paths.drill(r.id())).close("td")
                    .el("td", r.scenario()).el("td", r.difficulty())
                    .el("td", r.scoreTotal().map(String::valueOf).orElse("—"), "class", "score")
                    .el("td", metrics.map(m -> Fmt.seconds(m.path("holdSeconds").asDouble())).orElse("—"), "class", "hold")
                    .el("td", metrics.map(m -> m.path("agentInterruptions").asText()).orElse("—"), "class", "interruptions")
                    .el("td", metrics.map(m -> Fmt.seconds(m.path("deadAirSeconds").asDouble())).orElse("—"), "class", "dead-air")
                    .close("tr");
        }
        main.close("tbody").close("table").close("section");
        Reply.html(request.exchange(), 200, Layout.page(name, request, main));
    }
}
