package callsim.app.web;

import callsim.app.report.ReportJson;
import callsim.app.store.DrillRow;
import callsim.app.store.Page;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/** The JSON API: the same access rules as the pages, by session cookie or {@code Authorization: Bearer}. */
final class ApiRoutes {
    static final int MAX_SIZE = 200;

    private final Drills drills;
    private final Exports exports;
    private final Recording recording;

    ApiRoutes(Drills drills, Exports exports, Recording recording) {
        this.drills = drills;
        this.exports = exports;
        this.recording = recording;
    }

    void register(Router router) {
        router.get("/api/drills/?", Router.Kind.API, this::list)
                .get("/api/drills/export\\.csv", Router.Kind.API, exports::csv)
                .get("/api/drills/export\\.json", Router.Kind.API, exports::json)
                .get("/api/drills/(?<id>" + Paths.ID + ")", Router.Kind.API, this::drill)
                .get("/api/drills/(?<id>" + Paths.ID + ")/recording\\.wav", Router.Kind.API, recording::serve);
    }

    private void list(Request request) throws IOException {
        DrillQuery query = DrillQuery.from(request);
        int page = DrillListPage.pageNumber(request.query("page"));
        int size = size(request.query("size"));
        Page<DrillRow> result = drills.list(request.user(), query.filter(), page, size);
        ObjectNode body = ReportJson.MAPPER.createObjectNode();
        body.set("items", DrillJson.rows(result.items()));
        body.put("page", result.page()).put("size", result.size()).put("total", result.total());
        Reply.json(request.exchange(), 200, body);
    }

    /** The report JSON exactly as report.json has it, plus the supervisors' overrides. */
    private void drill(Request request) throws IOException {
        String id = request.pathPart("id");
        DrillRow row = drills.visible(request.user(), id);
        ObjectNode report = drills.store().report(id).filter(ObjectNode.class::isInstance).map(r -> ((ObjectNode) r).deepCopy())
                .orElseThrow(() -> new WebException(404, "no report for this drill yet"));
        report.put("status", row.status().name().toLowerCase(java.util.Locale.ROOT));
        report.set("overrides", DrillJson.overrides(drills.store().overrides(id)));
        Reply.json(request.exchange(), 200, report);
    }

    private static int size(Optional<String> value) {
        if (value.isEmpty() || value.get().isBlank()) return DrillListPage.PAGE_SIZE;
        try {
            int size = Integer.parseInt(value.get().trim());
            if (size >= 1 && size <= MAX_SIZE) return size;
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw WebException.badRequest("size: expected 1 to " + MAX_SIZE + ", got '" + value.get() + "'");
    }
}
