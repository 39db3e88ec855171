package callsim.app.web;

import callsim.app.store.DrillFilter;
import callsim.app.store.DrillRow;
import callsim.app.store.DrillStore;
import callsim.app.store.Page;
import callsim.app.store.ScoreOverride;
import com.fasterxml.jackson.databind.JsonNode;
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
    private final Map<String, JsonNode> reports = new LinkedHashMap<>();
    private final Map<String, byte[]> recordings = new LinkedHashMap<>();
    private final List<ScoreOverride> overrides = new ArrayList<>();
    private final Clock clock;
    private long nextOverrideId = 1;

    InMemoryDrillStore(Clock clock) {
        this.clock = clock;
    }

    synchronized void put(DrillRow row, JsonNode report, byte[] wav) {
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
            if (!r.agent().toLowerCase(Locale.ROOT).contains(wanted) && !r.agentKey().map(wanted::equals).orElse(false)) return false;
        }
        if (f.scenario().isPresent() && !f.scenario().get().equals(r.scenario())) return false;
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
    public synchronized Optional<JsonNode> report(String id) {
        return Optional.ofNullable(reports.get(id));
    }

    @Override
    public synchronized Optional<byte[]> recordingWav(String id) {
        return Optional.ofNullable(recordings.get(id));
    }

    @Override
    public synchronized List<ScoreOverride> overrides(String drillId) {
        return overrides.stream().filter(o -> o.drillId().equals(drillId)).toList();
    }

    @Override
    public synchronized ScoreOverride override(String drillId, String techniqueId, int score, String reason, String overriddenBy) {
        JsonNode report = reports.get(drillId);
        if (report == null) throw new IllegalArgumentException("no drill " + drillId);
        boolean known = false;
        for (JsonNode t : report.path("score").path("techniques")) known |= t.path("id").asText().equals(techniqueId);
        if (!known) throw new IllegalArgumentException("drill " + drillId + " has no technique " + techniqueId);
        if (score < 0 || score > 100) throw new IllegalArgumentException("score must be 0-100");
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("give a reason");
        ScoreOverride o = new ScoreOverride(nextOverrideId++, drillId, techniqueId, score, reason, overriddenBy, clock.instant());
        overrides.add(o);
        return o;
    }
}
