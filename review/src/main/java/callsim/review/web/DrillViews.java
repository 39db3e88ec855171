package callsim.review.web;

import callsim.review.report.DrillReport;
import callsim.review.report.EffectiveScore;
import callsim.review.store.DrillRow;
import callsim.review.store.DrillStore;
import callsim.review.store.ScoreOverride;
import callsim.review.web.view.AgentPage;
import callsim.review.web.view.Chrome;
import callsim.review.web.view.DrillPage;
import callsim.review.web.view.TechniqueRow;
import callsim.review.web.view.When;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The typed report turned into what the drill and agent pages show. */
final class DrillViews {
    private DrillViews() {}

    static List<EffectiveScore.Change> changes(List<ScoreOverride> overrides) {
        return overrides.stream().map(o -> new EffectiveScore.Change(o.techniqueId(), o.score(), o.id())).toList();
    }

    static List<Charts.Segment> segments(DrillReport r) {
        List<Charts.Segment> s = new ArrayList<>();
        for (DrillReport.Turn t : r.transcript()) {
            String who = t.agent() ? "agent" : "caller";
            s.add(new Charts.Segment(who, "speech " + who, t.startMs(), t.endMs(), who));
        }
        DrillReport.LineEvidence evidence = r.metrics().evidence();
        for (DrillReport.Hold hold : evidence.holds()) {
            s.add(new Charts.Segment("line", hold.announced() ? "hold announced" : "hold unannounced", hold.startMs(), hold.endMs(),
                    hold.announced() ? "announced hold" : "unannounced hold"));
        }
        for (DrillReport.Span o : evidence.overtalk()) s.add(new Charts.Segment("line", "overtalk", o.startMs(), o.endMs(), "overtalk"));
        for (DrillReport.Span d : evidence.deadAir()) s.add(new Charts.Segment("line", "dead-air", d.startMs(), d.endMs(), "dead air"));
        return s;
    }

    /** Each technique with its overrides (newest first) and its evidence in one group per kind. */
    static List<TechniqueRow> techniques(DrillReport r, List<ScoreOverride> overrides, boolean canOverride) {
        List<TechniqueRow> rows = new ArrayList<>();
        for (DrillReport.Technique t : r.score().techniques()) {
            List<ScoreOverride> mine = overrides.stream().filter(o -> o.techniqueId().equals(t.id()))
                    .sorted(Comparator.comparing(ScoreOverride::overriddenAt).thenComparing(ScoreOverride::id).reversed()).toList();
            List<TechniqueRow.OverrideNote> notes = new ArrayList<>();
            for (int i = 0; i < mine.size(); i++) {
                ScoreOverride o = mine.get(i);
                notes.add(new TechniqueRow.OverrideNote(o.score(), o.overriddenBy(), When.of(o.overriddenAt()), o.reason(), i == 0));
            }
            rows.add(new TechniqueRow(t.id(), t.name(), t.applicable(), t.score(), mine.isEmpty() ? null : mine.get(0).score(),
                    notes, groups(t.evidence()), canOverride && t.applicable()));
        }
        return rows;
    }

    /** What the score was taken from; null for a drill without a post-call pass (a text drill, an older one). */
    static DrillPage.ScoredFrom scoredFrom(DrillReport r) {
        DrillReport.PostCall pass = r.postCall();
        if (pass == null) return null;
        DrillReport.LiveScore live = pass.liveScore();
        return new DrillPage.ScoredFrom(pass.status().name().toLowerCase(Locale.ROOT), pass.reason(),
                live == null ? null : live.total(), live == null ? null : live.passed());
    }

    /** Each agent turn the post-call pass heard, beside what the caller heard live; empty until the pass is done. */
    static List<DrillPage.SaidAndHeard> saidAndHeard(DrillReport r) {
        List<DrillPage.SaidAndHeard> turns = new ArrayList<>();
        for (DrillReport.Turn t : r.transcript()) {
            if (!t.agent() || t.heard() == null) continue;
            WordDiff.Sides sides = WordDiff.of(recognised(t.text()), recognised(t.heard()));
            turns.add(new DrillPage.SaidAndHeard(t.startMs(), Fmt.clock(t.startMs()), Fmt.clock(t.startMs()) + "–" + Fmt.clock(t.endMs()),
                    sides.said(), sides.heard(), sides.differ()));
        }
        return turns;
    }

    /** A turn's words, none for the transcript's "(not recognised)" (which is no words the agent said or the caller heard). */
    private static String recognised(String text) {
        return DrillReport.Turn.NOT_RECOGNISED.equals(text) ? "" : text;
    }

    private static List<TechniqueRow.EvidenceGroup> groups(List<DrillReport.Evidence> evidence) {
        Map<String, List<DrillReport.Evidence>> byKind = new LinkedHashMap<>();
        for (DrillReport.Evidence e : evidence) byKind.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(e);
        List<TechniqueRow.EvidenceGroup> groups = new ArrayList<>();
        byKind.forEach((kind, items) -> {
            double seconds = items.stream().filter(e -> e.seconds() != null).mapToDouble(DrillReport.Evidence::seconds).sum();
            boolean measured = items.stream().anyMatch(e -> e.seconds() != null);
            groups.add(new TechniqueRow.EvidenceGroup(kind.replace('-', ' '), items.size(), measured ? Fmt.seconds(seconds) : null,
                    items.stream().map(e -> new TechniqueRow.Moment(e.atMs(), Fmt.clock(e.atMs()), detail(e), e.note())).toList()));
        });
        return groups;
    }

    private static String detail(DrillReport.Evidence e) {
        StringBuilder d = new StringBuilder();
        if (e.words() != null) d.append('“').append(e.words()).append('”');
        if (e.seconds() != null) d.append(d.length() > 0 ? " " : "").append(Fmt.seconds(e.seconds()));
        return d.toString();
    }

    static List<DrillPage.Metric> metrics(DrillReport.Metrics m) {
        List<DrillPage.Metric> rows = new ArrayList<>();
        rows.add(new DrillPage.Metric("Holds", m.holdCount() + " (" + Fmt.seconds(m.holdSeconds()) + ", longest "
                + Fmt.seconds(m.longestHoldSeconds()) + ")"));
        rows.add(new DrillPage.Metric("Agent interruptions", String.valueOf(m.agentInterruptions())));
        rows.add(new DrillPage.Metric("Caller interruptions", String.valueOf(m.callerInterruptions())));
        rows.add(new DrillPage.Metric("Overtalk", Fmt.seconds(m.overtalkSeconds())));
        rows.add(new DrillPage.Metric("Dead air", Fmt.seconds(m.deadAirSeconds())));
        rows.add(new DrillPage.Metric("Agent talk", Fmt.seconds(m.agentTalkSeconds()) + " (" + percent(m.agentTalkShare()) + " of the talking)"));
        rows.add(new DrillPage.Metric("Caller talk", Fmt.seconds(m.callerTalkSeconds())));
        DrillReport.Latency latency = m.callerResponseLatencyMs();
        if (latency.p50() != null) {
            rows.add(new DrillPage.Metric("Caller response latency", "p50 " + latency.p50() + " ms, p95 " + latency.p95() + " ms"));
        }
        return rows;
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    /** The agent's page: their (effective) score per drill, each technique's and each line habit's trend, the drills. */
    static AgentPage agentPage(Chrome chrome, String name, String key, long total, List<DrillRow> rows,
                               Map<String, DrillReport> reports, Names names, DrillStore store) {
        List<Charts.Point> scores = new ArrayList<>();
        Map<String, List<Charts.Point>> techniques = new LinkedHashMap<>();
        Map<String, String> techniqueNames = new LinkedHashMap<>();
        Integer passMark = null;
        for (DrillRow r : rows) {
            DrillReport rep = reports.get(r.id());
            if (rep == null) continue;
            String label = When.of(r.startedAt()).utc() + " " + names.scenario(r.scenario());
            r.scoreTotal().ifPresent(s -> scores.add(new Charts.Point(r.id(), r.startedAt(), label + ": " + s, s)));
            passMark = rep.score().passMark() > 0 ? Integer.valueOf(rep.score().passMark()) : passMark;
            EffectiveScore effective = EffectiveScore.of(rep.score(), rep.outcome(), changes(store.overrides(r.id())));
            for (DrillReport.Technique t : rep.score().techniques()) {
                if (!t.applicable()) continue;
                techniqueNames.putIfAbsent(t.id(), t.id() + " " + t.name());
                int s = effective.techniqueScores().getOrDefault(t.id(), t.score());
                techniques.computeIfAbsent(t.id(), k -> new ArrayList<>()).add(new Charts.Point(r.id(), r.startedAt(), label + ": " + s, s));
            }
        }
        List<AgentPage.Trend> techniqueTrends = new ArrayList<>();
        Integer mark = passMark;
        techniques.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparingInt(DrillViews::techniqueNumber)))
                .forEach(e -> techniqueTrends.add(new AgentPage.Trend(techniqueNames.get(e.getKey()),
                        String.valueOf(Math.round(e.getValue().get(e.getValue().size() - 1).value())), Charts.series(e.getValue(), mark, true))));
        List<AgentPage.Trend> habits = new ArrayList<>();
        habits.add(habit("Interruptions per drill", rows, reports, names, m -> m.agentInterruptions(), 10, ""));
        habits.add(habit("Hold seconds", rows, reports, names, DrillReport.Metrics::holdSeconds, 120, " s"));
        habits.add(habit("Dead air seconds", rows, reports, names, DrillReport.Metrics::deadAirSeconds, 60, " s"));
        habits.add(habit("Agent's share of the talking (%)", rows, reports, names, m -> 100 * m.agentTalkShare(), 100, " %"));
        List<AgentPage.Row> table = new ArrayList<>();
        for (int i = rows.size() - 1; i >= 0; i--) {
            DrillRow r = rows.get(i);
            DrillReport rep = reports.get(r.id());
            DrillReport.Metrics m = rep == null ? null : rep.metrics();
            table.add(new AgentPage.Row(r.id(), Paths.drill(r.id()), When.of(r.startedAt()), names.scenario(r.scenario()), r.difficulty(),
                    rep == null ? "—" : r.scoreTotal().map(s -> s + r.passed().map(p -> p ? " ✓" : " ✗").orElse("")).orElse("—"),
                    r.scoreProvisional(), r.scoredLiveOnly(),
                    m == null ? "—" : Fmt.seconds(m.holdSeconds()), m == null ? "—" : String.valueOf(m.agentInterruptions()),
                    m == null ? "—" : Fmt.seconds(m.deadAirSeconds()), m == null ? "—" : percent(m.agentTalkShare())));
        }
        return new AgentPage(chrome, name, key, total, rows.size(), Charts.series(scores, passMark, false), techniqueTrends, habits, table);
    }

    /** A line habit over the drills, scaled so {@code full} reaches the top of its chart. */
    private static AgentPage.Trend habit(String title, List<DrillRow> rows, Map<String, DrillReport> reports, Names names,
                                         ToDoubleFunction<DrillReport.Metrics> value, double full, String unit) {
        List<Charts.Point> points = new ArrayList<>();
        double latest = 0;
        for (DrillRow r : rows) {
            DrillReport rep = reports.get(r.id());
            if (rep == null) continue;
            latest = value.applyAsDouble(rep.metrics());
            String label = When.of(r.startedAt()).utc() + " " + names.scenario(r.scenario()) + ": " + Fmt.number(latest) + unit;
            points.add(new Charts.Point(r.id(), r.startedAt(), label, Math.min(100, 100 * latest / full)));
        }
        return new AgentPage.Trend(title, points.isEmpty() ? "—" : Fmt.number(latest) + unit, Charts.series(points, null, true));
    }

    private static int techniqueNumber(String id) {
        try {
            return Integer.parseInt(id.substring(1));
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
