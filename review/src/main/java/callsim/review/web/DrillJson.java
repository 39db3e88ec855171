package callsim.review.web;

import callsim.review.report.ReportMapper;
import callsim.review.store.DrillRow;
import callsim.review.store.DrillStatus;
import callsim.review.store.ScoreOverride;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Drill rows and overrides as the API and the JSON export write them (absent values as null). */
final class DrillJson {
    private DrillJson() {}

    /**
     * {@code score} and {@code passed} count supervisors' overrides; a running drill has neither yet. {@code scoreProvisional}:
     * the score is the live recognition's and the post-call transcript that will replace it is pending; {@code postCall}:
     * that pass's state ("pending", "done", "failed"), null without one.
     */
    static ObjectNode row(DrillRow r, Names names) {
        ObjectNode node = ReportMapper.MAPPER.createObjectNode();
        node.put("id", r.id());
        node.put("agent", r.agent());
        node.put("agentName", names.agent(r));
        putText(node, "agentKey", r.agentKey());
        node.put("scenario", r.scenario());
        node.put("scenarioTitle", names.scenario(r.scenario()));
        node.put("difficulty", r.difficulty());
        node.put("startedAt", r.startedAt().toString());
        putText(node, "endedAt", r.endedAt().map(Object::toString));
        node.put("status", r.status().name().toLowerCase(Locale.ROOT));
        putText(node, "outcome", r.outcome());
        boolean running = r.status() == DrillStatus.RUNNING;
        if (!running && r.scoreTotal().isPresent()) node.put("score", r.scoreTotal().get()); else node.putNull("score");
        if (!running && r.passed().isPresent()) node.put("passed", r.passed().get()); else node.putNull("passed");
        if (!running && r.automaticScore().isPresent()) node.put("automaticScore", r.automaticScore().get()); else node.putNull("automaticScore");
        node.put("overridden", r.overridden());
        if (!running) node.put("scoreProvisional", r.scoreProvisional()); else node.putNull("scoreProvisional");
        putText(node, "postCall", r.postCall());
        return node;
    }

    static ArrayNode rows(List<DrillRow> rows, Names names) {
        ArrayNode array = ReportMapper.MAPPER.createArrayNode();
        rows.forEach(r -> array.add(row(r, names)));
        return array;
    }

    static ArrayNode overrides(List<ScoreOverride> overrides) {
        ArrayNode array = ReportMapper.MAPPER.createArrayNode();
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
