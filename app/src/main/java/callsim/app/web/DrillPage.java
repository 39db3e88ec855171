package callsim.app.web;

import callsim.app.auth.Session;
import callsim.app.store.DrillRow;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code /drills/{id}}: facts, player, timeline, anger curve, scorecard, transcript and line metrics. */
final class DrillPage {
    private final Drills drills;

    DrillPage(Drills drills) {
        this.drills = drills;
    }

    void render(Request request) throws IOException {
        String id = request.pathPart("id");
        DrillRow row = drills.visible(request.user(), id);
        Optional<JsonNode> report = drills.store().report(id);
        Optional<Session> overrideAs = request.session().filter(s -> drills.access().canOverride(request.user(), row));
        Html main = new Html().el("h1", row.scenario() + " · " + row.agent());
        facts(main, row, report);
        String wav = Paths.drill(id) + "/recording.wav";
        main.open("audio", "id", "player", "controls", "controls", "preload", "metadata", "src", wav)
                .el("a", "Download the recording", "href", wav).close("audio");
        if (report.isEmpty()) {
            main.el("p", "No report yet: the drill has just started.", "class", "note");
        } else {
            JsonNode r = report.get();
            long duration = duration(r);
            main.open("section", "id", "timeline-section").el("h2", "Timeline")
                    .trusted(Charts.timeline(segments(r), duration)).trusted(legend()).close("section");
            main.open("section", "id", "anger").el("h2", "Caller anger")
                    .trusted(Charts.anger(r.path("anger"), duration)).close("section");
            main.trusted(ScorecardView.render(id, r.path("score"), drills.store().overrides(id), overrideAs));
            transcript(main, r.path("transcript"));
            main.trusted(MetricsView.render(r.path("metrics")));
        }
        Reply.html(request.exchange(), 200, Layout.page(row.scenario() + " " + id, request, main));
    }

    private static void facts(Html h, DrillRow row, Optional<JsonNode> report) {
        String status = row.status().name().toLowerCase(Locale.ROOT);
        h.open("dl", "class", "facts");
        h.el("dt", "Agent").open("dd");
        if (row.agentKey().isPresent()) h.el("a", row.agent(), "href", "/agents/" + Paths.segment(row.agentKey().get()));
        else h.text(row.agent());
        h.close("dd");
        h.el("dt", "Difficulty").el("dd", row.difficulty());
        h.el("dt", "Started").el("dd", Fmt.when(row.startedAt()));
        report.ifPresent(r -> h.el("dt", "Length").el("dd", Fmt.clock(r.path("durationMs").asLong())));
        h.el("dt", "Status").open("dd").el("span", status, "class", "status " + status, "id", "status").close("dd");
        String outcome = row.outcome().map(o -> o.replace('_', ' ')).orElse("—");
        String reason = report.map(r -> r.path("outcomeReason").asText()).filter(s -> !s.isEmpty()).map(s -> " (" + s + ")").orElse("");
        h.el("dt", "Outcome").el("dd", outcome + reason);
        h.close("dl");
    }

    private static long duration(JsonNode r) {
        long d = r.path("durationMs").asLong();
        for (JsonNode t : r.path("transcript")) d = Math.max(d, t.path("endMs").asLong());
        for (JsonNode a : r.path("anger")) d = Math.max(d, a.path("atMs").asLong());
        return Math.max(d, 1000);
    }

    private static List<Charts.Segment> segments(JsonNode r) {
        List<Charts.Segment> s = new ArrayList<>();
        for (JsonNode t : r.path("transcript")) {
            String who = t.path("speaker").asText();
            s.add(new Charts.Segment(who.equals("agent") ? "agent" : "caller", "speech " + (who.equals("agent") ? "agent" : "caller"),
                    t.path("startMs").asLong(), t.path("endMs").asLong(), who));
        }
        JsonNode evidence = r.path("metrics").path("evidence");
        for (JsonNode hold : evidence.path("holds")) {
            boolean announced = hold.path("announced").asBoolean();
            s.add(new Charts.Segment("line", announced ? "hold announced" : "hold unannounced",
                    hold.path("startMs").asLong(), hold.path("endMs").asLong(), announced ? "announced hold" : "unannounced hold"));
        }
        for (JsonNode o : evidence.path("overtalk")) {
            s.add(new Charts.Segment("line", "overtalk", o.path("startMs").asLong(), o.path("endMs").asLong(), "overtalk"));
        }
        for (JsonNode d : evidence.path("deadAir")) {
            s.add(new Charts.Segment("line", "dead-air", d.path("startMs").asLong(), d.path("endMs").asLong(), "dead air"));
        }
        return s;
    }

    private static Html legend() {
        Html h = new Html().open("ul", "class", "legend");
        String[][] items = {{"speech caller", "caller speaking"}, {"speech agent", "agent speaking"}, {"hold announced", "announced hold"},
            {"hold unannounced", "unannounced hold"}, {"overtalk", "overtalk"}, {"dead-air", "dead air"}};
        for (String[] item : items) h.open("li").el("span", "", "class", "swatch " + item[0]).text(item[1]).close("li");
        return h.close("ul");
    }

    private static void transcript(Html h, JsonNode transcript) {
        h.open("section", "id", "transcript-section").el("h2", "Transcript").open("ol", "id", "transcript");
        for (JsonNode t : transcript) {
            String speaker = t.path("speaker").asText().equals("agent") ? "agent" : "caller";
            long start = t.path("startMs").asLong();
            h.open("li", "class", "turn " + speaker)
                    .el("button", Fmt.clock(start), "type", "button", "class", "time", "data-at-ms", String.valueOf(start),
                            "title", Fmt.clock(start) + "–" + Fmt.clock(t.path("endMs").asLong()))
                    .el("span", speaker.equals("agent") ? "Agent" : "Caller", "class", "speaker")
                    .el("span", t.path("text").asText(), "class", "text")
                    .close("li");
        }
        h.close("ol").close("section");
    }
}
