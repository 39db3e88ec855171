package callsim.app.web;

import callsim.app.auth.Session;
import callsim.app.store.ScoreOverride;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The scorecard: each technique's score with any supervisor override beside it (who, when, why), the
 * evidence as buttons that jump the player to the moment, the advice, and override forms for supervisors.
 */
final class ScorecardView {
    private ScorecardView() {}

    static Html render(String drillId, JsonNode score, List<ScoreOverride> overrides, Optional<Session> overrideAs) {
        Html h = new Html().open("section", "id", "score").el("h2", "Scorecard");
        h.open("p", "class", "total")
                .el("strong", score.path("total").asText("—"), "id", "score-total")
                .text(" / 100 · pass mark " + score.path("passMark").asText("—") + " · ")
                .el("span", score.path("passed").asBoolean() ? "passed" : "not passed",
                        "class", score.path("passed").asBoolean() ? "passed" : "failed")
                .close("p");
        if (!score.path("verdict").asText().isEmpty()) h.el("p", score.path("verdict").asText(), "class", "verdict");
        h.open("table", "id", "scorecard").open("thead").open("tr");
        h.el("th", "Technique").el("th", "Score").el("th", "Supervisor override").el("th", "Evidence");
        if (overrideAs.isPresent()) h.el("th", "Change");
        h.close("tr").close("thead").open("tbody");
        for (JsonNode t : score.path("techniques")) {
            String id = t.path("id").asText();
            List<ScoreOverride> mine = overrides.stream().filter(o -> o.techniqueId().equals(id))
                    .sorted(Comparator.comparing(ScoreOverride::overriddenAt).thenComparing(ScoreOverride::id).reversed())
                    .toList();
            h.open("tr", "id", "t-" + id, "class", "technique", "data-technique", id);
            h.open("td").el("span", t.path("name").asText(), "class", "name").text(" ").el("small", id).close("td");
            boolean applicable = t.path("applicable").asBoolean(true);
            h.el("td", applicable ? t.path("score").asText() : "n/a", "class", mine.isEmpty() ? "score original" : "score original overridden");
            overrideCell(h, mine);
            evidence(h, t.path("evidence"));
            overrideAs.ifPresent(session -> form(h, drillId, id, session));
            h.close("tr");
        }
        h.close("tbody").close("table");
        h.el("h3", "Advice").open("ul", "id", "advice");
        for (JsonNode advice : score.path("advice")) h.el("li", advice.asText());
        return h.close("ul").close("section");
    }

    private static void overrideCell(Html h, List<ScoreOverride> newestFirst) {
        h.open("td", "class", "override");
        for (int i = 0; i < newestFirst.size(); i++) {
            ScoreOverride o = newestFirst.get(i);
            h.open("div", "class", i == 0 ? "override-entry current" : "override-entry earlier", "data-score", String.valueOf(o.score()))
                    .el("strong", String.valueOf(o.score()), "class", "override-score")
                    .text(" by ").el("span", o.overriddenBy(), "class", "override-by")
                    .text(", ").el("time", Fmt.when(o.overriddenAt()), "datetime", o.overriddenAt().toString())
                    .el("q", o.reason(), "class", "override-reason")
                    .close("div");
        }
        h.close("td");
    }

    private static void evidence(Html h, JsonNode items) {
        h.open("td").open("ul", "class", "evidence-list");
        for (JsonNode e : items) {
            long at = e.path("atMs").asLong();
            StringBuilder detail = new StringBuilder();
            if (e.hasNonNull("words")) detail.append(" “").append(e.path("words").asText()).append('”');
            if (e.hasNonNull("seconds")) detail.append(' ').append(Fmt.seconds(e.path("seconds").asDouble()));
            h.open("li").open("button", "type", "button", "class", "evidence", "data-at-ms", String.valueOf(at),
                            "title", "Play from " + Fmt.clock(at))
                    .el("span", Fmt.clock(at), "class", "time").text(" " + e.path("kind").asText() + detail)
                    .close("button");
            if (e.hasNonNull("note")) h.el("span", e.path("note").asText(), "class", "note");
            h.close("li");
        }
        h.close("ul").close("td");
    }

    private static void form(Html h, String drillId, String techniqueId, Session session) {
        h.open("td").open("form", "method", "post", "action", Paths.drill(drillId) + "/override", "class", "override-form");
        Layout.csrfField(h, session);
        h.empty("input", "type", "hidden", "name", "technique", "value", techniqueId)
                .open("label").text("Score")
                .empty("input", "type", "number", "name", "score", "min", "0", "max", "100", "required", "required")
                .close("label")
                .open("label").text("Reason")
                .empty("input", "type", "text", "name", "reason", "required", "required",
                        "maxlength", String.valueOf(OverrideForm.MAX_REASON))
                .close("label")
                .el("button", "Override", "type", "submit")
                .close("form").close("td");
    }
}
