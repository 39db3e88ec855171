package callsim.review.web;

import callsim.review.assign.AgentProgress;
import callsim.review.assign.Assignment;
import callsim.review.assign.AssignmentItem;
import callsim.review.assign.AssignmentRequest;
import callsim.review.assign.ItemProgress;
import callsim.review.auth.Role;
import callsim.review.auth.User;
import callsim.review.report.ReportMapper;
import callsim.review.store.DrillRow;
import callsim.review.web.AssignmentBoard.Stats;
import callsim.review.web.AssignmentBoard.Summary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Assignments as JSON and CSV: {@code GET/POST /api/assignments}, {@code GET /api/assignments/ID}, and the
 * exports ({@code /assignments.csv|json} for the page, {@code /api/assignments/export.csv|json} for scripts),
 * all with the due-date filter and the same access rules as the pages.
 */
final class AssignmentApi {
    static final String CSV_HEADER = "assignmentId,title,assignee,team,due,agentKey,agentName,status,itemsDone,items,attempts,passes,"
            + "passRate,averageScore,bestScore,left";

    private final AssignmentBoard board;

    AssignmentApi(AssignmentBoard board) {
        this.board = board;
    }

    void routes(RoutesConfig routes) {
        routes.get("/assignments.csv", this::csv, Gate.PAGE);
        routes.get("/assignments.json", this::json, Gate.PAGE);
        routes.get("/api/assignments", this::json, Gate.API);
        routes.post("/api/assignments", this::create, Gate.API);
        routes.get("/api/assignments/export.csv", this::csv, Gate.API);
        routes.get("/api/assignments/export.json", this::json, Gate.API);
        routes.get("/api/assignments/{id}", this::one, Gate.API);
    }

    private List<Summary> summaries(Context ctx) {
        User user = Guard.user(ctx);
        return board.visible(user, AssignmentPages.dueRange(ctx)).stream().map(a -> board.summary(user, a)).toList();
    }

    private void json(Context ctx) {
        ArrayNode array = ReportMapper.MAPPER.createArrayNode();
        summaries(ctx).forEach(s -> array.add(json(s)));
        ctx.json(array);
    }

    private void one(Context ctx) {
        User user = Guard.user(ctx);
        ctx.json(json(board.summary(user, board.visible(user, AssignmentPages.id(ctx)))));
    }

    private void csv(Context ctx) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
        LocalDate today = board.today();
        for (Summary s : summaries(ctx)) {
            Assignment a = s.assignment();
            for (AgentProgress p : s.agents()) {
                Stats one = board.stats(List.of(p));
                List<String> fields = List.of(String.valueOf(a.id()), a.title(), a.assignee(), s.team(), a.due().map(Object::toString).orElse(""),
                        p.agentKey(), board.names().agentByKey(p.agentKey(), p.agentKey()), AssignmentPages.status(p, today),
                        String.valueOf(p.itemsDone()), String.valueOf(p.items().size()), String.valueOf(one.attempts()),
                        String.valueOf(one.passes()), one.attempts() == 0 ? "" : String.valueOf(Math.round(100.0 * one.passes() / one.attempts())),
                        one.attempts() == 0 ? "" : Fmt.number(one.scoreSum() / one.attempts()), p.best().map(String::valueOf).orElse(""),
                        left(p));
                out.append(String.join(",", fields.stream().map(Csv::field).toList())).append("\r\n");
            }
        }
        ctx.header("Content-Disposition", "attachment; filename=\"callsim-assignments.csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(out.toString());
    }

    private void create(Context ctx) {
        User user = Guard.user(ctx);
        if (user.role() == Role.AGENT) throw new ForbiddenResponse("agents cannot set assignments: ask your supervisor");
        JsonNode body = JsonBody.of(ctx);
        try {
            Assignment made = board.create(user, request(body));
            ctx.status(HttpStatus.CREATED).json(json(board.summary(user, made)));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
    }

    /**
     * {@code {"title", "agent": "201" | "team": "blue", "due": "2026-12-11", "items": [{"scenario", "difficulty",
     * "passes": N | "score": S}]}}
     */
    static AssignmentRequest request(JsonNode body) {
        if (body == null || !body.isObject()) throw new IllegalArgumentException("send a JSON object: {\"agent\" or \"team\", \"items\": [...]}");
        JsonNode items = body.path("items");
        if (!items.isArray()) throw new IllegalArgumentException("\"items\" must be a list like [{\"scenario\": \"double-charge\", \"difficulty\": \"normal\", \"passes\": 1}]");
        List<AssignmentItem> list = new ArrayList<>();
        for (JsonNode item : items) {
            boolean score = item.has("score");
            if (score == item.has("passes")) {
                throw new IllegalArgumentException("each item needs a target: \"passes\": N (pass N times) or \"score\": S (reach score S)");
            }
            list.add(AssignmentBoard.item(item.path("scenario").asText(""), text(item, "difficulty").orElse(null), score ? "score" : "passes",
                    item.path(score ? "score" : "passes").asText("")));
        }
        return new AssignmentRequest(text(body, "title").orElse(""), text(body, "agent"), text(body, "team"),
                AssignmentBoard.date("due", text(body, "due").orElse(null)), list);
    }

    private static Optional<String> text(JsonNode node, String field) {
        return Optional.ofNullable(node.get(field)).filter(n -> !n.isNull()).map(JsonNode::asText).flatMap(AssignmentBoard::text);
    }

    private ObjectNode json(Summary s) {
        Assignment a = s.assignment();
        LocalDate today = board.today();
        ObjectNode node = ReportMapper.MAPPER.createObjectNode();
        node.put("id", a.id()).put("title", a.title());
        putText(node, "agentKey", a.agentKey());
        putText(node, "team", a.team());
        putText(node, "due", a.due().map(Object::toString));
        node.put("createdBy", a.createdBy()).put("createdAt", a.createdAt().toString());
        ArrayNode items = node.putArray("items");
        for (AssignmentItem i : a.items()) {
            items.addObject().put("scenario", i.scenario()).put("scenarioTitle", board.names().scenario(i.scenario()))
                    .put("difficulty", i.difficulty().jsonName()).put("goal", i.goal().jsonName()).put("amount", i.amount())
                    .put("target", i.target());
        }
        stats(node, s.stats());
        ArrayNode agents = node.putArray("agents");
        for (AgentProgress p : s.agents()) {
            ObjectNode agent = agents.addObject();
            agent.put("agentKey", p.agentKey()).put("agentName", board.names().agentByKey(p.agentKey(), p.agentKey()))
                    .put("status", AssignmentPages.status(p, today)).put("complete", p.complete()).put("overdue", p.overdue(today));
            if (p.best().isPresent()) agent.put("bestScore", p.best().get()); else agent.putNull("bestScore");
            agent.put("left", left(p));
            ArrayNode progress = agent.putArray("items");
            for (ItemProgress i : p.items()) {
                ObjectNode item = progress.addObject().put("scenario", i.item().scenario()).put("difficulty", i.item().difficulty().jsonName())
                        .put("attempts", i.attempts().size()).put("passes", i.passes()).put("done", i.done()).put("left", i.left());
                if (i.best().isPresent()) item.put("bestScore", i.best().get()); else item.putNull("bestScore");
                ArrayNode drills = item.putArray("drills");
                i.attempts().stream().map(DrillRow::id).forEach(drills::add);
            }
        }
        return node;
    }

    private static void stats(ObjectNode node, Stats stats) {
        node.put("agents", stats.agents()).put("complete", stats.complete());
        ArrayNode overdue = node.putArray("overdueAgents");
        stats.overdue().forEach(overdue::add);
        node.put("attempts", stats.attempts()).put("passes", stats.passes());
        if (stats.attempts() > 0) {
            node.put("passRate", (double) stats.passes() / stats.attempts()).put("averageScore", stats.scoreSum() / stats.attempts());
        } else {
            node.putNull("passRate").putNull("averageScore");
        }
        ArrayNode weakest = node.putArray("weakestTechniques");
        stats.weakest().forEach(w -> weakest.addObject().put("technique", w.technique()).put("average", w.average()).put("drills", w.drills()));
    }

    private static String left(AgentProgress p) {
        return String.join("; ", p.items().stream().filter(i -> !i.done()).map(i -> i.item().drill() + ": " + i.left()).toList());
    }

    private static void putText(ObjectNode node, String name, Optional<String> value) {
        if (value.isPresent()) node.put(name, value.get()); else node.putNull(name);
    }
}
