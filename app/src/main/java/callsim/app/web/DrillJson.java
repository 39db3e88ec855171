package callsim.app.web;

import callsim.app.report.ReportJson;
import callsim.app.store.DrillRow;
import callsim.app.store.ScoreOverride;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Drill rows and overrides as the API and the JSON export write them (absent values as null). */
final class DrillJson {
    private DrillJson() {}

    static ObjectNode row(DrillRow r) {
        ObjectNode node = ReportJson.MAPPER.createObjectNode();
        node.put("id", r.id());
        node.put("agent", r.agent());
        putText(node, "agentKey", r.agentKey());
        node.put("scenario", r.scenario());
        node.put("difficulty", r.difficulty());
        node.put("startedAt", r.startedAt().toString());
        putText(node, "endedAt", r.endedAt().map(Object::toString));
        node.put("status", r.status().name().toLowerCase(Locale.ROOT));
        putText(node, "outcome", r.outcome());
        if (r.scoreTotal().isPresent()) node.put("score", r.scoreTotal().get()); else node.putNull("score");
        if (r.passed().isPresent()) node.put("passed", r.passed().get()); else node.putNull("passed");
        return node;
    }

    static ArrayNode rows(List<DrillRow> rows) {
        ArrayNode array = ReportJson.MAPPER.createArrayNode();
        rows.forEach(r -> array.add(row(r)));
        return array;
    }

    static ArrayNode overrides(List<ScoreOverride> overrides) {
        ArrayNode array = ReportJson.MAPPER.createArrayNode();
        for (ScoreOverride o : overrides) {
            array.addObject().put("id", o.id()).put("techniqueId", o.techniqueId()).put("score", o.score())
                    .put("reason", o.reason()).put("overriddenBy", o.overriddenBy())
                    .put("overriddenAt", o.overriddenAt().toString());
        }
        return array;
    }

    private static void putText(ObjectNode node, String name, Optional<String> value) {
        if (value.isPresent()) node.put(name, value.get()); else node.putNull(name);
    }
}
