package callsim.review.store;

import com.fasterxml.jackson.databind.JsonNode;
import callsim.review.report.DrillReport;
import callsim.review.report.ReportMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** The drill row's columns as read from a report.json snapshot (a {@link DrillReport}). */
record StoredReport(String text, String agent, String scenario, String difficulty, String line, Instant startedAt,
                    Optional<Instant> endedAt, boolean complete, Optional<String> outcome, Optional<Integer> scoreTotal,
                    Optional<Boolean> passed, Optional<String> postCall) {
    static StoredReport parse(Path file, byte[] bytes) throws DrillCopier.BadDrillException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            JsonNode root = ReportMapper.MAPPER.readTree(text);
            if (root == null || !root.isObject()) throw new IOException("not a JSON object");
            for (String field : new String[] {"agent", "scenario", "difficulty", "line", "startedAt"}) {
                if (!root.path(field).isTextual()) throw new IOException("it has no '" + field + "'");
            }
            DrillReport r = ReportMapper.read(root);
            boolean scored = root.path("score").path("total").isNumber();
            return new StoredReport(text, r.agent(), r.scenario(), r.difficulty(), r.line(), r.startedAt(), r.ended(), r.complete(),
                    Optional.ofNullable(r.outcome()), scored ? Optional.of(r.score().total()) : Optional.empty(),
                    scored ? Optional.of(r.score().passed()) : Optional.empty(), postCallState(r));
        } catch (IOException | IllegalArgumentException e) {
            throw new DrillCopier.BadDrillException(file + " is not a drill report: " + e.getMessage(), e);
        }
    }

    /** "pending", "done" or "failed", as report.json spells the pass's status; empty without a pass. */
    static Optional<String> postCallState(DrillReport r) {
        return Optional.ofNullable(r.postCall()).map(p -> p.status().name().toLowerCase(java.util.Locale.ROOT));
    }
}
