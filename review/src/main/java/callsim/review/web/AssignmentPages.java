package callsim.review.web;

import callsim.core.Difficulty;
import callsim.review.assign.AgentProgress;
import callsim.review.assign.Assignment;
import callsim.review.assign.AssignmentItem;
import callsim.review.assign.AssignmentRequest;
import callsim.review.assign.ItemProgress;
import callsim.review.auth.Role;
import callsim.review.auth.User;
import callsim.review.store.DrillRow;
import callsim.review.web.AssignmentBoard.DueRange;
import callsim.review.web.AssignmentBoard.Stats;
import callsim.review.web.AssignmentBoard.Summary;
import callsim.review.web.view.AssignmentViews;
import callsim.review.web.view.DrillList;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The assignment pages: {@code /assignments} for supervisors and admins (every visible assignment and team
 * with completion, overdue agents, pass rate, average and weakest techniques; a due-date filter; CSV and JSON;
 * the form to assign), {@code /assignments/ID} one row per agent, and the agents' own work on their page.
 */
final class AssignmentPages {
    private final AssignmentBoard board;
    private final Views views;

    AssignmentPages(AssignmentBoard board, Views views) {
        this.board = board;
        this.views = views;
    }

    void routes(RoutesConfig routes) {
        routes.get("/assignments", this::list, Gate.PAGE);
        routes.post("/assignments", this::create, Gate.PAGE);
        routes.get("/assignments/{id}", this::detail, Gate.PAGE);
    }

    private void list(Context ctx) {
        trainer(ctx);
        page(ctx, 200, null, null, emptyForm());
    }

    private void create(Context ctx) {
        User user = trainer(ctx);
        AssignmentViews.Form typed = typedForm(ctx);
        try {
            List<AssignmentItem> items = new ArrayList<>();
            for (AssignmentViews.FormItem i : typed.items()) {
                if (!i.scenario().isBlank()) items.add(AssignmentBoard.item(i.scenario(), i.difficulty(), i.goal(), i.amount()));
            }
            Assignment made = board.create(user, new AssignmentRequest(typed.title(), AssignmentBoard.text(typed.agent()),
                    AssignmentBoard.text(typed.team()), AssignmentBoard.date("due", typed.due()), items));
            page(ctx, 200, "Assigned \"" + made.title() + "\" to " + made.assignee() + ".", null, emptyForm());
        } catch (IllegalArgumentException e) {
            page(ctx, 400, null, e.getMessage(), typed);
        }
    }

    private void page(Context ctx, int status, String message, String error, AssignmentViews.Form form) {
        User user = Guard.user(ctx);
        DueRange due = dueRange(ctx);
        List<Summary> summaries = board.visible(user, due).stream().map(a -> board.summary(user, a)).toList();
        List<AssignmentViews.Row> rows = summaries.stream().map(s -> new AssignmentViews.Row(s.assignment().id(),
                "/assignments/" + s.assignment().id(), s.assignment().title(), s.assignment().assignee(), s.team(),
                due(s.assignment().due()), s.stats().completion(), String.join(", ", s.stats().overdue()), s.stats().passRate(),
                s.stats().average(), weakest(s.stats()))).toList();
        List<AssignmentViews.TeamRow> teams = board.byTeam(summaries).stream().map(t -> new AssignmentViews.TeamRow(t.team(),
                t.assignments(), t.stats().completion(), t.stats().overdue().size(), t.stats().passRate(), t.stats().average(),
                weakest(t.stats()))).toList();
        List<DrillList.Option> scenarios = board.names().scenarioTitles().entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(e -> new DrillList.Option(e.getKey(), e.getValue())).toList();
        String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
        views.render(ctx, status, "assignments.jte", Map.of("v", new AssignmentViews.ListPage(Views.chrome(ctx, "Assignments"),
                due.from().map(LocalDate::toString).orElse(""), due.to().map(LocalDate::toString).orElse(""), rows, teams, scenarios,
                Arrays.stream(Difficulty.values()).map(Difficulty::jsonName).toList(), form, message, error,
                "/assignments.csv" + query, "/assignments.json" + query)));
    }

    private void detail(Context ctx) {
        User user = trainer(ctx);
        Summary s = board.summary(user, board.visible(user, id(ctx)));
        Assignment a = s.assignment();
        LocalDate today = board.today();
        List<AssignmentViews.AgentRow> agents = new ArrayList<>();
        for (AgentProgress p : s.agents()) {
            Stats one = board.stats(List.of(p));
            String left = String.join("; ", p.items().stream().filter(i -> !i.done())
                    .map(i -> i.item().drill() + ": " + i.left()).toList());
            agents.add(new AssignmentViews.AgentRow(p.agentKey(), board.names().agentByKey(p.agentKey(), p.agentKey()),
                    Paths.agent(p.agentKey()), status(p, today), p.itemsDone() + " of " + p.items().size(), one.attempts(),
                    one.passRate(), one.average(), p.best().map(String::valueOf).orElse("—"), left.isEmpty() ? "nothing" : left));
        }
        views.render(ctx, "assignment.jte", Map.of("v", new AssignmentViews.DetailPage(Views.chrome(ctx, a.title()), a.id(), a.title(),
                a.assignee(), due(a.due()), a.createdBy(), a.items().stream().map(i -> i.drill() + ": " + i.target()).toList(),
                s.stats().completion(), String.join(", ", s.stats().overdue()), s.stats().passRate(), s.stats().average(),
                weakest(s.stats()), agents)));
    }

    /** The agent's assignments for their page: each drill's target, attempts (linked), best score, what is left. */
    static List<AssignmentViews.AgentWork> agentWork(AssignmentBoard board, String agentKey) {
        LocalDate today = board.today();
        List<AssignmentViews.AgentWork> work = new ArrayList<>();
        for (AgentProgress p : board.forAgent(agentKey)) {
            List<AssignmentViews.Item> items = new ArrayList<>();
            for (ItemProgress i : p.items()) {
                List<AssignmentViews.Attempt> tries = new ArrayList<>();
                for (DrillRow r : i.attempts()) {
                    tries.add(new AssignmentViews.Attempt(Paths.drill(r.id()), r.scoreTotal().map(String::valueOf).orElse("?")
                            + (r.passed().orElse(false) ? " pass" : " fail")));
                }
                items.add(new AssignmentViews.Item(board.names().scenario(i.item().scenario()) + " at " + i.item().difficulty().jsonName(),
                        i.item().target(), i.attempts().size(), i.best().map(String::valueOf).orElse("—"), i.left(), tries));
            }
            work.add(new AssignmentViews.AgentWork(p.assignment().title(), due(p.assignment().due()), status(p, today), items));
        }
        return work;
    }

    static String status(AgentProgress p, LocalDate today) {
        return p.complete() ? "complete" : p.overdue(today) ? "overdue" : "in progress";
    }

    /** "2026-12-11 (Friday)", or "—" when none. */
    static String due(Optional<LocalDate> due) {
        return due.map(d -> d + " (" + d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ")").orElse("—");
    }

    static String weakest(Stats stats) {
        return stats.weakest().isEmpty() ? "—" : String.join(", ", stats.weakest().stream().map(AssignmentBoard.Weak::text).toList());
    }

    /** Agents see their assignments on their own page; this list is for the people who set them. */
    private static User trainer(Context ctx) {
        User user = Guard.user(ctx);
        if (user.role() == Role.AGENT) throw new NotFoundResponse("not found");
        return user;
    }

    static DueRange dueRange(Context ctx) {
        try {
            return DueRange.of(ctx.queryParam("dueFrom"), ctx.queryParam("dueTo"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
    }

    static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("not found");
        }
    }

    private static AssignmentViews.Form emptyForm() {
        List<AssignmentViews.FormItem> items = new ArrayList<>();
        for (int i = 0; i < AssignmentViews.Form.ITEMS; i++) items.add(new AssignmentViews.FormItem("", "normal", "passes", "1"));
        return new AssignmentViews.Form("", "", "", "", items);
    }

    private static AssignmentViews.Form typedForm(Context ctx) {
        List<String> scenarios = ctx.formParams("scenario");
        List<AssignmentViews.FormItem> items = new ArrayList<>();
        for (int i = 0; i < Math.min(scenarios.size(), AssignmentViews.Form.ITEMS); i++) {
            items.add(new AssignmentViews.FormItem(scenarios.get(i), at(ctx.formParams("difficulty"), i, "normal"),
                    at(ctx.formParams("goal"), i, "passes"), at(ctx.formParams("amount"), i, "")));
        }
        while (items.size() < AssignmentViews.Form.ITEMS) items.add(new AssignmentViews.FormItem("", "normal", "passes", "1"));
        return new AssignmentViews.Form(field(ctx, "title"), field(ctx, "agent"), field(ctx, "team"), field(ctx, "due"), items);
    }

    private static String field(Context ctx, String name) {
        String value = Optional.ofNullable(ctx.formParam(name)).orElse("");
        if (value.length() > 1000) throw new BadRequestResponse(name + " is too long");
        return value;
    }

    private static String at(List<String> values, int i, String fallback) {
        return i < values.size() ? values.get(i) : fallback;
    }
}
