package callsim.review.web;

import callsim.review.report.DrillReport;
import callsim.review.report.EffectiveScore;
import callsim.review.report.ReportMapper;
import callsim.review.store.DrillRow;
import callsim.review.store.Page;
import callsim.review.store.ScoreOverride;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Locale;

/** The JSON API: the same access rules as the pages, by session cookie or {@code Authorization: Bearer}. */
final class Api {
    static final int MAX_SIZE = 200;

    private final Drills drills;
    private final Names names;
    private final Exports exports;
    private final Recordings recordings;

    Api(Drills drills, Names names, Exports exports, Recordings recordings) {
        this.drills = drills;
        this.names = names;
        this.exports = exports;
        this.recordings = recordings;
    }

    void routes(RoutesConfig routes) {
        routes.get("/api/drills", this::list, Gate.API);
        routes.get("/api/drills/export.csv", exports::csv, Gate.API);
        routes.get("/api/drills/export.json", exports::json, Gate.API);
        routes.get("/api/drills/{id}", this::drill, Gate.API);
        routes.get("/api/drills/{id}/recording.wav", recordings::serve, Gate.API);
    }

    private void list(Context ctx) {
        DrillQuery query = DrillQuery.from(ctx);
        int page = Pages.pageNumber(ctx.queryParam("page"));
        int size = size(ctx.queryParam("size"));
        Page<DrillRow> result = drills.list(Guard.user(ctx), names.widen(query.filter()), page, size);
        ObjectNode body = ReportMapper.MAPPER.createObjectNode();
        body.set("items", DrillJson.rows(result.items(), names));
        body.put("page", result.page()).put("size", result.size()).put("total", result.total());
        ctx.json(body);
    }

    /**
     * The report as report.json has it, with its status, the supervisors' overrides and the score counting
     * them ({@code effectiveScore}); {@code score} stays the automatic scorecard; {@code scoreProvisional} while it is
     * the live recognition's and the post-call pass ({@code postCall}) is pending.
     */
    private void drill(Context ctx) {
        String id = Paths.id(ctx, "id");
        DrillRow row = drills.visible(Guard.user(ctx), id);
        DrillReport report = drills.store().report(id).orElseThrow(() -> new NotFoundResponse("no report for this drill yet"));
        List<ScoreOverride> overrides = drills.store().overrides(id);
        ObjectNode body = (ObjectNode) ReportMapper.tree(report);
        body.put("status", row.status().name().toLowerCase(Locale.ROOT));
        body.put("scoreProvisional", report.scoreProvisional());
        body.set("overrides", DrillJson.overrides(overrides));
        EffectiveScore effective = EffectiveScore.of(report.score(), report.outcome(), DrillViews.changes(overrides));
        ObjectNode score = body.putObject("effectiveScore");
        score.put("total", effective.total()).put("passed", effective.passed()).put("verdict", effective.verdict())
                .put("overridden", effective.overridden());
        ObjectNode techniques = score.putObject("techniques");
        effective.techniqueScores().forEach(techniques::put);
        ctx.json(body);
    }

    private static int size(String value) {
        return value == null || value.isBlank() ? Pages.PAGE_SIZE : DrillQuery.wholeNumber("size", value, 1, MAX_SIZE, "1 to " + MAX_SIZE);
    }
}
