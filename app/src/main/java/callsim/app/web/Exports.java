package callsim.app.web;

import callsim.app.report.ReportJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The filtered drill list, all pages (capped), as a CSV or JSON download: the same for the UI and the API. */
final class Exports {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Drills drills;
    private final Clock clock;

    Exports(Drills drills, Clock clock) {
        this.drills = drills;
        this.clock = clock;
    }

    void csv(Request request) throws IOException {
        Drills.Export export = run(request, "csv");
        Reply.bytes(request.exchange(), 200, "text/csv; charset=utf-8", Csv.of(export.rows()).getBytes(StandardCharsets.UTF_8));
    }

    void json(Request request) throws IOException {
        Drills.Export export = run(request, "json");
        Reply.bytes(request.exchange(), 200, "application/json",
                ReportJson.MAPPER.writeValueAsBytes(DrillJson.rows(export.rows())));
    }

    private Drills.Export run(Request request, String extension) {
        DrillQuery query = DrillQuery.from(request);
        Drills.Export export = drills.export(request.user(), query.filter());
        var headers = request.exchange().getResponseHeaders();
        headers.set("Content-Disposition", "attachment; filename=\"callsim-drills-" + STAMP.format(clock.instant()) + "." + extension + "\"");
        headers.set("X-Total-Count", String.valueOf(export.total()));
        // More matches than the cap: say so, so nobody mistakes a truncated export for the whole list.
        if (export.truncated()) headers.set("X-Export-Truncated", "first " + export.rows().size() + " of " + export.total());
        return export;
    }
}
