package callsim.review.web;

import callsim.review.report.DrillReport;
import callsim.review.report.ReportMapper;
import callsim.review.store.DrillRow;
import callsim.review.store.DrillStatus;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Finished drills as xAPI statements (xAPI 1.0.3), so a learning-record store or LMS can pick up progress:
 * actor = the agent, verb = ADL's passed or failed, object = the scenario at its difficulty, result = the
 * score counting overrides (scaled and raw), success and the call's length, timestamp = when it ended.
 * {@code GET /api/drills/ID/xapi} gives one; {@code GET /api/xapi/statements} the drill list's filters as a
 * StatementResult. Same access rules as the rest of the API.
 */
final class Xapi {
    static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";
    static final String FAILED = "http://adlnet.gov/expapi/verbs/failed";
    static final String SIMULATION = "http://adlnet.gov/expapi/activities/simulation";

    private final Drills drills;
    private final Names names;

    Xapi(Drills drills, Names names) {
        this.drills = drills;
        this.names = names;
    }

    void routes(RoutesConfig routes) {
        routes.get("/api/drills/{id}/xapi", this::one, Gate.API);
        routes.get("/api/xapi/statements", this::list, Gate.API);
    }

    private void one(Context ctx) {
        DrillRow row = drills.visible(Guard.user(ctx), Paths.id(ctx, "id"));
        if (!finished(row)) throw new BadRequestResponse("drill " + row.id() + " has not finished yet: it has no result to export");
        ctx.contentType("application/json").header("X-Experience-API-Version", "1.0.3").json(statement(row, base(ctx)));
    }

    private void list(Context ctx) {
        DrillQuery query = DrillQuery.from(ctx);
        Drills.Export export = drills.export(Guard.user(ctx), names.widen(query.filter()));
        ObjectNode result = ReportMapper.MAPPER.createObjectNode();
        ArrayNode statements = result.putArray("statements");
        String base = base(ctx);
        for (DrillRow row : export.rows()) {
            if (finished(row)) statements.add(statement(row, base));
        }
        result.put("more", "");
        if (export.truncated()) ctx.header("X-Export-Truncated", "first " + export.rows().size() + " of " + export.total());
        ctx.header("X-Experience-API-Version", "1.0.3").json(result);
    }

    private static boolean finished(DrillRow row) {
        return row.status() != DrillStatus.RUNNING && row.scoreTotal().isPresent() && row.passed().isPresent();
    }

    /** Where this review is reached: the IRIs of agents' accounts and scenarios are under it. */
    private static String base(Context ctx) {
        String scheme = Guard.secure(ctx) ? "https" : ctx.scheme();
        return scheme + "://" + ctx.host();
    }

    ObjectNode statement(DrillRow row, String base) {
        ObjectNode s = ReportMapper.MAPPER.createObjectNode();
        // The same drill gives the same statement id, so an LRS that is sent a drill twice keeps it once.
        s.put("id", UUID.nameUUIDFromBytes(("callsim drill " + row.id()).getBytes(StandardCharsets.UTF_8)).toString());
        ObjectNode actor = s.putObject("actor");
        actor.put("objectType", "Agent").put("name", names.agent(row));
        actor.putObject("account").put("homePage", base + "/").put("name", row.agentKey().orElse(row.agent()));
        boolean passed = row.passed().orElseThrow();
        ObjectNode verb = s.putObject("verb");
        verb.put("id", passed ? PASSED : FAILED);
        verb.putObject("display").put("en-US", passed ? "passed" : "failed");
        ObjectNode object = s.putObject("object");
        object.put("objectType", "Activity").put("id", base + "/scenarios/" + Paths.segment(row.scenario()) + "/" + Paths.segment(row.difficulty()));
        ObjectNode definition = object.putObject("definition");
        definition.putObject("name").put("en-US", names.scenario(row.scenario()) + " (" + row.difficulty() + ")");
        definition.put("type", SIMULATION);
        int score = row.scoreTotal().orElseThrow();
        ObjectNode result = s.putObject("result");
        result.putObject("score").put("scaled", score / 100.0).put("raw", score).put("min", 0).put("max", 100);
        result.put("success", passed).put("completion", true);
        duration(row).ifPresent(d -> result.put("duration", d.toString()));
        s.put("timestamp", row.endedAt().orElse(row.startedAt()).toString());
        ObjectNode context = s.putObject("context");
        context.putObject("extensions").put(base + "/xapi/drill", base + Paths.drill(row.id()));
        s.put("version", "1.0.3");
        return s;
    }

    /** The call's length as ISO 8601 (PT3M12.5S): the report's, or start to end when there is no report. */
    private Optional<Duration> duration(DrillRow row) {
        Optional<Long> ms = drills.store().report(row.id()).map(DrillReport::durationMs);
        if (ms.isPresent()) return Optional.of(Duration.ofMillis(ms.get()));
        return row.endedAt().map(end -> Duration.between(row.startedAt(), end));
    }
}
