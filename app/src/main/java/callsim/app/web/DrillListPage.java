package callsim.app.web;

import callsim.app.store.DrillRow;
import callsim.app.store.Page;
import callsim.core.Difficulty;
import callsim.core.Outcome;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/** {@code /drills}: the filter form, one page of 25 drills with prev/next and the total, and export links. */
final class DrillListPage {
    static final int PAGE_SIZE = 25;

    private final Drills drills;

    DrillListPage(Drills drills) {
        this.drills = drills;
    }

    void render(Request request) throws IOException {
        DrillQuery query = DrillQuery.from(request);
        int page = pageNumber(request.query("page"));
        Page<DrillRow> result = drills.list(request.user(), query.filter(), page, PAGE_SIZE);
        Html main = new Html().el("h1", "Drills");
        filters(main, query);
        long pages = Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        main.open("p", "class", "summary")
                .el("span", result.total() + (result.total() == 1 ? " drill" : " drills"), "id", "total")
                .text(" · page " + (page + 1) + " of " + pages + " · export ")
                .el("a", "CSV", "id", "export-csv", "href", query.link("/drills.csv", ""), "download", "")
                .text(" ")
                .el("a", "JSON", "id", "export-json", "href", query.link("/drills.json", ""), "download", "")
                .close("p");
        table(main, result);
        pager(main, query, page, result.total());
        Reply.html(request.exchange(), 200, Layout.page("Drills", request, main));
    }

    static int pageNumber(Optional<String> value) {
        if (value.isEmpty() || value.get().isBlank()) return 0;
        try {
            int page = Integer.parseInt(value.get().trim());
            if (page >= 0 && page <= 1_000_000) return page;
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw WebException.badRequest("page: expected a page number from 0, got '" + value.get() + "'");
    }

    private static void filters(Html h, DrillQuery q) {
        h.open("form", "method", "get", "action", "/drills", "id", "filters", "class", "filters");
        input(h, "Agent", "agent", "text", q);
        input(h, "Scenario", "scenario", "text", q);
        h.open("label").text("Difficulty").open("select", "name", "difficulty", "id", "difficulty");
        option(h, "", "any", q.value("difficulty"));
        for (Difficulty d : Difficulty.values()) option(h, d.jsonName(), d.jsonName(), q.value("difficulty"));
        h.close("select").close("label");
        h.open("label").text("Outcome").open("select", "name", "outcome", "id", "outcome");
        option(h, "", "any", q.value("outcome"));
        for (Outcome o : Outcome.values()) option(h, o.jsonName(), o.jsonName().replace('_', ' '), q.value("outcome"));
        h.close("select").close("label");
        input(h, "From", "from", "date", q);
        input(h, "To", "to", "date", q);
        input(h, "Min score", "minScore", "number", q);
        input(h, "Max score", "maxScore", "number", q);
        h.el("button", "Filter", "type", "submit", "id", "apply-filters")
                .el("a", "Reset", "href", "/drills", "class", "reset").close("form");
    }

    private static void input(Html h, String label, String name, String type, DrillQuery q) {
        boolean score = type.equals("number");
        h.open("label").text(label).empty("input", "type", type, "name", name, "id", name, "value", q.value(name),
                "min", score ? "0" : null, "max", score ? "100" : null).close("label");
    }

    private static void option(Html h, String value, String label, String selected) {
        h.el("option", label, "value", value, "selected", value.equals(selected) ? "selected" : null);
    }

    private static void table(Html h, Page<DrillRow> result) {
        h.open("table", "id", "drills", "class", "drills").open("thead").open("tr");
        for (String head : new String[] {"Started", "Agent", "Scenario", "Difficulty", "Status", "Outcome", "Score"}) {
            h.el("th", head);
        }
        h.close("tr").close("thead").open("tbody");
        for (DrillRow r : result.items()) {
            String status = r.status().name().toLowerCase(Locale.ROOT);
            h.open("tr", "class", "drill", "data-id", r.id())
                    .open("td").el("a", Fmt.when(r.startedAt()), "href", Paths.drill(r.id())).close("td")
                    .trusted(agentCell(r))
                    .el("td", r.scenario(), "class", "scenario")
                    .el("td", r.difficulty())
                    .open("td").el("span", status, "class", "status " + status).close("td")
                    .el("td", r.outcome().map(o -> o.replace('_', ' ')).orElse("—"))
                    .el("td", r.scoreTotal().map(s -> s + r.passed().map(p -> p ? " ✓" : " ✗").orElse("")).orElse("—"),
                            "class", "score")
                    .close("tr");
        }
        if (result.items().isEmpty()) h.open("tr").el("td", "No drills match.", "colspan", "7").close("tr");
        h.close("tbody").close("table");
    }

    private static Html agentCell(DrillRow r) {
        Html h = new Html().open("td", "class", "agent");
        if (r.agentKey().isPresent()) h.el("a", r.agent(), "href", "/agents/" + Paths.segment(r.agentKey().get()));
        else h.text(r.agent());
        return h.close("td");
    }

    private static void pager(Html h, DrillQuery q, int page, long total) {
        h.open("nav", "class", "pager");
        if (page > 0) h.el("a", "← Previous", "rel", "prev", "id", "prev", "href", q.link("/drills", "page=" + (page - 1)));
        if ((long) (page + 1) * PAGE_SIZE < total) {
            h.el("a", "Next →", "rel", "next", "id", "next", "href", q.link("/drills", "page=" + (page + 1)));
        }
        h.close("nav");
    }
}
