package callsim.review.web;

import callsim.review.auth.User;
import callsim.review.report.DrillReport;
import callsim.review.report.EffectiveScore;
import callsim.review.store.DrillRow;
import callsim.review.store.DrillStatus;
import callsim.review.store.DrillStore;
import callsim.review.store.Page;
import callsim.review.store.ScoreOverride;
import callsim.review.web.view.AgentPage;
import callsim.review.web.view.Chart;
import callsim.review.web.view.DrillList;
import callsim.review.web.view.DrillPage;
import callsim.review.web.view.ListRow;
import callsim.review.web.view.TechniqueRow;
import callsim.review.web.view.When;
import callsim.core.Difficulty;
import callsim.core.Outcome;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The review pages: the drill list, one drill, one agent's progress, and the override form's post. */
final class Pages {
    static final int PAGE_SIZE = 25;
    /** The most recent drills on an agent's page; older ones are in the list and exports. */
    static final int MAX_AGENT_DRILLS = 200;
    static final int MAX_REASON = 2000;

    private final Drills drills;
    private final Views views;
    private final Names names;
    private final Optional<AssignmentBoard> assignments;

    Pages(Drills drills, Views views, Names names, Optional<AssignmentBoard> assignments) {
        this.drills = drills;
        this.views = views;
        this.names = names;
        this.assignments = assignments;
    }

    void routes(RoutesConfig routes) {
        routes.get("/drills", this::list, Gate.PAGE);
        routes.get("/drills/{id}", this::drill, Gate.PAGE);
        routes.post("/drills/{id}/override", this::override, Gate.PAGE);
        routes.get("/agents/{key}", this::agent, Gate.PAGE);
    }

    private void list(Context ctx) {
        DrillQuery query = DrillQuery.from(ctx);
        int page = pageNumber(ctx.queryParam("page"));
        Page<DrillRow> result = drills.list(Guard.user(ctx), names.widen(query.filter()), page, PAGE_SIZE);
        long pages = Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        List<DrillList.Option> difficulties = new ArrayList<>();
        for (Difficulty d : Difficulty.values()) difficulties.add(new DrillList.Option(d.jsonName(), d.jsonName()));
        List<DrillList.Option> outcomes = new ArrayList<>();
        for (Outcome o : Outcome.values()) outcomes.add(new DrillList.Option(o.jsonName(), o.jsonName().replace('_', ' ')));
        List<DrillList.Option> scenarios = names.scenarioTitles().entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(e -> new DrillList.Option(e.getKey(), e.getValue())).toList();
        boolean more = (long) (page + 1) * PAGE_SIZE < result.total();
        views.render(ctx, "drills.jte", Map.of("v", new DrillList(Views.chrome(ctx, "Drills"), query.values(), difficulties, outcomes,
                scenarios, result.items().stream().map(this::listRow).toList(), result.total(), page, pages,
                query.link("/drills.csv", ""), query.link("/drills.json", ""),
                page > 0 ? query.link("/drills", "page=" + (page - 1)) : null,
                more ? query.link("/drills", "page=" + (page + 1)) : null)));
    }

    ListRow listRow(DrillRow r) {
        boolean running = r.status() == DrillStatus.RUNNING;
        return new ListRow(r.id(), Paths.drill(r.id()), When.of(r.startedAt()), names.agent(r),
                r.agentKey().map(Paths::agent).orElse(null), names.scenario(r.scenario()), r.difficulty(),
                r.status().name().toLowerCase(Locale.ROOT), r.outcome().map(o -> o.replace('_', ' ')).orElse("—"),
                running ? "" : r.scoreTotal().map(String::valueOf).orElse(""), running ? null : r.passed().orElse(null),
                r.overridden(), running ? null : r.postCall().orElse(null));
    }

    static int pageNumber(String value) {
        return value == null || value.isBlank() ? 0 : DrillQuery.wholeNumber("page", value, 0, 1_000_000, "a page number from 0");
    }

    private void drill(Context ctx) {
        String id = Paths.id(ctx, "id");
        User user = Guard.user(ctx);
        DrillRow row = drills.visible(user, id);
        Optional<DrillReport> report = drills.store().report(id);
        List<ScoreOverride> overrides = drills.store().overrides(id);
        boolean canOverride = Guard.sessionOf(ctx).isPresent() && drills.access().canOverride(user, row);
        String title = names.scenario(row.scenario());
        boolean running = row.status() == DrillStatus.RUNNING;
        DrillPage.Summary summary = null;
        Chart timeline = null;
        Chart anger = null;
        List<TechniqueRow> techniques = List.of();
        List<DrillPage.Turn> transcript = List.of();
        List<DrillPage.Metric> metrics = List.of();
        DrillPage.ScoredFrom scoredFrom = null;
        List<DrillPage.SaidAndHeard> saidAndHeard = List.of();
        String length = "—";
        String outcome = row.outcome().map(o -> o.replace('_', ' ')).orElse("—");
        if (report.isPresent()) {
            DrillReport r = report.get();
            long duration = r.timelineMs();
            length = length(r.durationMs(), drills.store().recording(id).map(Pages::recordingMs).orElse(0L));
            if (!r.outcomeReason().isEmpty()) outcome += " (" + r.outcomeReason() + ")";
            EffectiveScore score = EffectiveScore.of(r.score(), r.outcome(), DrillViews.changes(overrides));
            if (!running) {
                summary = new DrillPage.Summary(score.total(), score.overridden() ? r.score().total() : null, r.score().passMark(),
                        score.passed(), score.verdict(), r.score().advice(),
                        r.score().notHeardClearly().stream().map(DrillReport.NotHeard::note).toList());
            }
            timeline = Charts.timeline(DrillViews.segments(r), duration);
            anger = Charts.anger(r.anger(), duration);
            techniques = DrillViews.techniques(r, overrides, canOverride && !running);
            transcript = r.transcript().stream().map(t -> new DrillPage.Turn(t.startMs(), Fmt.clock(t.startMs()),
                    Fmt.clock(t.startMs()) + "–" + Fmt.clock(t.endMs()), t.agent() ? "agent" : "caller", t.text())).toList();
            metrics = DrillViews.metrics(r.metrics());
            scoredFrom = DrillViews.scoredFrom(r);
            saidAndHeard = DrillViews.saidAndHeard(r);
        }
        views.render(ctx, "drill.jte", Map.of("v", new DrillPage(Views.chrome(ctx, title + " " + id), id, title, names.agent(row),
                row.agentKey().map(Paths::agent).orElse(null), row.difficulty(), When.of(row.startedAt()), length,
                row.status().name().toLowerCase(Locale.ROOT), outcome, summary, Paths.drill(id) + "/recording.wav", timeline, anger,
                techniques, transcript, metrics, Paths.drill(id) + "/override", scoredFrom, saidAndHeard)));
    }

    /** Stereo 16-bit at 8 kHz: 32,000 bytes a second after the 44-byte header. */
    private static long recordingMs(DrillStore.Recording wav) {
        return Math.max(0, wav.length() - 44) / 32;
    }

    /** The call's length; when the recording runs on (the spoken debrief after the call), that part is named. */
    static String length(long callMs, long recordingMs) {
        String call = Fmt.clock(callMs);
        return recordingMs > callMs + 1000 ? call + " call + " + Fmt.clock(recordingMs - callMs) + " debrief in the recording" : call;
    }

    private void override(Context ctx) {
        String id = Paths.id(ctx, "id");
        User user = Guard.user(ctx);
        DrillRow row = drills.visible(user, id);
        if (!drills.access().canOverride(user, row)) throw new ForbiddenResponse("you may not change scores on this drill");
        // Its report, and so the score an override changes, is still being written.
        if (row.status() == DrillStatus.RUNNING) throw new BadRequestResponse("the drill is still running: override it once it has ended");
        String technique = Optional.ofNullable(ctx.formParam("technique")).map(String::trim).filter(t -> !t.isEmpty())
                .orElseThrow(() -> new BadRequestResponse("technique: missing"));
        String reason = Optional.ofNullable(ctx.formParam("reason")).map(String::trim).orElse("");
        if (reason.isEmpty()) throw new BadRequestResponse("reason: say why the score changes");
        if (reason.length() > MAX_REASON) throw new BadRequestResponse("reason: at most " + MAX_REASON + " characters");
        int score = score(Optional.ofNullable(ctx.formParam("score")).orElse(""));
        try {
            drills.store().override(id, technique, score, reason, user.username());
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        ctx.redirect(Paths.drill(id) + "#t-" + Paths.segment(technique), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private static int score(String value) {
        return DrillQuery.wholeNumber("score", value, 0, 100, "a whole number from 0 to 100");
    }

    private void agent(Context ctx) {
        String key = Paths.id(ctx, "key");
        User user = Guard.user(ctx);
        DrillStore store = drills.store();
        // Already restricted and narrowed to this agent: list the store directly, not through restrict() again.
        Page<DrillRow> page = store.list(drills.agentFilter(user, key), 0, MAX_AGENT_DRILLS);
        List<DrillRow> rows = new ArrayList<>(page.items());
        rows.sort(Comparator.comparing(DrillRow::startedAt));
        String name = names.agentByKey(key, rows.isEmpty() ? key : rows.get(rows.size() - 1).agent());
        Map<String, DrillReport> reports = new LinkedHashMap<>();
        for (DrillRow r : rows) {
            if (r.status() != DrillStatus.RUNNING) store.report(r.id()).ifPresent(rep -> reports.put(r.id(), rep));
        }
        AgentPage view = DrillViews.agentPage(Views.chrome(ctx, name), name, key, page.total(), rows, reports, names, store);
        views.render(ctx, "agent.jte", Map.of("v", view,
                "work", assignments.map(board -> AssignmentPages.agentWork(board, key)).orElse(List.of())));
    }
}
