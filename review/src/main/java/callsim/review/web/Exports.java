package callsim.review.web;

import callsim.review.report.DrillReport;
import callsim.review.report.EffectiveScore;
import callsim.review.report.ReportMapper;
import callsim.review.store.DrillRow;
import callsim.review.store.DrillStatus;
import callsim.review.store.ScoreOverride;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The filtered drill list, all pages (capped), as a CSV or JSON download, the same for the UI and the API:
 * display names, duration, the score counting overrides beside the automatic one, and each technique's score.
 */
final class Exports {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** One exported drill: the row, and from its report the length and each technique's score after overrides. */
    record Line(DrillRow row, Optional<Long> durationMs, Map<String, Integer> techniques, List<ScoreOverride> overrides) {}

    private final Drills drills;
    private final Names names;
    private final Clock clock;

    Exports(Drills drills, Names names, Clock clock) {
        this.drills = drills;
        this.names = names;
        this.clock = clock;
    }

    void csv(Context ctx) {
        List<Line> lines = run(ctx, "csv");
        ctx.contentType("text/csv; charset=utf-8").result(Csv.of(lines, names));
    }

    void json(Context ctx) throws IOException {
        List<Line> lines = run(ctx, "json");
        ArrayNode array = ReportMapper.MAPPER.createArrayNode();
        for (Line line : lines) {
            ObjectNode node = DrillJson.row(line.row(), names);
            if (line.durationMs().isPresent()) node.put("durationSeconds", line.durationMs().get() / 1000.0); else node.putNull("durationSeconds");
            ObjectNode techniques = node.putObject("techniques");
            line.techniques().forEach(techniques::put);
            node.set("overrides", DrillJson.overrides(line.overrides()));
            array.add(node);
        }
        ctx.contentType("application/json").result(ReportMapper.MAPPER.writeValueAsBytes(array));
    }

    private List<Line> run(Context ctx, String extension) {
        DrillQuery query = DrillQuery.from(ctx);
        Drills.Export export = drills.export(Guard.user(ctx), names.widen(query.filter()));
        ctx.header("Content-Disposition", "attachment; filename=\"callsim-drills-" + STAMP.format(clock.instant()) + "." + extension + "\"");
        ctx.header("X-Total-Count", String.valueOf(export.total()));
        // More matches than the cap: say so, so nobody mistakes a truncated export for the whole list.
        if (export.truncated()) ctx.header("X-Export-Truncated", "first " + export.rows().size() + " of " + export.total());
        List<Line> lines = new ArrayList<>(export.rows().size());
        for (DrillRow row : export.rows()) {
            Optional<DrillReport> report = drills.store().report(row.id());
            List<ScoreOverride> overrides = row.overridden() ? drills.store().overrides(row.id()) : List.of();
            Map<String, Integer> techniques = new TreeMap<>((a, b) -> Integer.compare(number(a), number(b)));
            if (report.isPresent() && row.status() != DrillStatus.RUNNING) {
                DrillReport r = report.get();
                techniques.putAll(EffectiveScore.of(r.score(), r.outcome(), DrillViews.changes(overrides)).techniqueScores());
            }
            lines.add(new Line(row, report.map(DrillReport::durationMs), techniques, overrides));
        }
        return lines;
    }

    static int number(String techniqueId) {
        try {
            return Integer.parseInt(techniqueId.substring(1));
        } catch (RuntimeException e) {
            return 1000 + techniqueId.hashCode() % 1000;
        }
    }
}
