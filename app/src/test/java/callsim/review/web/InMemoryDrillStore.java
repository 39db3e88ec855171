package callsim.review.web;

import callsim.review.store.DrillFilter;
import callsim.review.store.DrillRow;
import callsim.review.store.DrillStore;
import callsim.review.store.Page;
import callsim.review.store.ScoreOverride;
import callsim.review.report.DrillReport;
import callsim.review.report.EffectiveScore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The review store in memory, with the filter semantics the web layer relies on; newest drills first. */
final class InMemoryDrillStore implements DrillStore {
    private final Map<String, DrillRow> rows = new LinkedHashMap<>();
    private final Map<String, DrillReport> reports = new LinkedHashMap<>();
    private final Map<String, byte[]> recordings = new LinkedHashMap<>();
    private final List<ScoreOverride> overrides = new ArrayList<>();
    private final Clock clock;
    private long nextOverrideId = 1;

    InMemoryDrillStore(Clock clock) {
        this.clock = clock;
    }

    synchronized void put(DrillRow row, DrillReport report, byte[] wav) {
        // as the JDBC store copies it from the report (StoredReport): the post-call pass's state
        if (report != null && report.postCall() != null && row.postCall().isEmpty()) {
            row = row.withPostCall(java.util.Optional.of(report.postCall().status().name().toLowerCase(java.util.Locale.ROOT)));
        }
        rows.put(row.id(), row);
        if (report != null) reports.put(row.id(), report);
        if (wav != null) recordings.put(row.id(), wav);
    }

    /** Every list() call's filter, to check what access control passed down. */
    final List<DrillFilter> filtersSeen = new ArrayList<>();

    @Override
    public synchronized Page<DrillRow> list(DrillFilter filter, int page, int size) {
        filtersSeen.add(filter);
        List<DrillRow> matches = rows.values().stream().filter(r -> matches(filter, r))
                .sorted(Comparator.comparing(DrillRow::startedAt).reversed().thenComparing(DrillRow::id)).toList();
        int from = (int) Math.min(matches.size(), (long) page * size);
        return new Page<>(matches.subList(from, Math.min(matches.size(), from + size)), page, size, matches.size());
    }

    private static boolean matches(DrillFilter f, DrillRow r) {
        if (f.agentKeys().isPresent() && (r.agentKey().isEmpty() || !f.agentKeys().get().contains(r.agentKey().get()))) return false;
        if (f.agent().isPresent()) {
            String wanted = f.agent().get().toLowerCase(Locale.ROOT);
            if (!r.agent().toLowerCase(Locale.ROOT).contains(wanted) && !r.agentKey().map(wanted::equals).orElse(false)
                    && !r.agentKey().map(f.agentNamed()::contains).orElse(false)) return false;
        }
        if (f.scenario().isPresent() && !f.scenario().get().equals(r.scenario()) && !f.scenarioIds().contains(r.scenario())) return false;
        if (f.difficulty().isPresent() && !f.difficulty().get().equals(r.difficulty())) return false;
        if (f.outcome().isPresent() && !f.outcome().equals(r.outcome())) return false;
        if (f.from().isPresent() && r.startedAt().isBefore(f.from().get())) return false;
        if (f.to().isPresent() && !r.startedAt().isBefore(f.to().get())) return false;
        if (f.minScore().isPresent() && r.scoreTotal().map(s -> s < f.minScore().get()).orElse(true)) return false;
        return f.maxScore().isEmpty() || !r.scoreTotal().map(s -> s > f.maxScore().get()).orElse(true);
    }

    @Override
    public synchronized Optional<DrillRow> row(String id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized Optional<DrillReport> report(String id) {
        return Optional.ofNullable(reports.get(id));
    }

    @Override
    public synchronized Optional<Recording> recording(String id) {
        byte[] wav = recordings.get(id);
        if (wav == null) return Optional.empty();
        return Optional.of(new Recording() {
            @Override
            public long length() {
                return wav.length;
            }

            @Override
            public java.io.InputStream open() {
                return new java.io.ByteArrayInputStream(wav);
            }
        });
    }

    @Override
    public synchronized List<ScoreOverride> overrides(String drillId) {
        return overrides.stream().filter(o -> o.drillId().equals(drillId)).toList();
    }

    @Override
    public synchronized ScoreOverride override(String drillId, String techniqueId, int score, String reason, String overriddenBy) {
        DrillReport report = reports.get(drillId);
        if (report == null) throw new IllegalArgumentException("no drill " + drillId);
        boolean known = false;
        for (DrillReport.Technique t : report.score().techniques()) known |= t.id().equals(techniqueId);
        if (!known) throw new IllegalArgumentException("drill " + drillId + " has no technique " + techniqueId);
        if (score < 0 || score > 100) throw new IllegalArgumentException("score must be 0-100");
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("give a reason");
        ScoreOverride o = new ScoreOverride(nextOverrideId++, drillId, techniqueId, score, reason, overriddenBy, clock.instant());
        overrides.add(o);
        // As the JDBC store does: the score counting every override goes on the row.
        EffectiveScore effective = EffectiveScore.of(report.score(), report.outcome(), overrides(drillId).stream()
                .map(x -> new EffectiveScore.Change(x.techniqueId(), x.score(), x.id())).toList());
        rows.put(drillId, rows.get(drillId).withOverride(effective.total(), effective.passed()));
        return o;
    }
}
