package callsim.app.cli;

import callsim.app.asterisk.CallRequest;
import callsim.app.asterisk.DrillSchedule;
import callsim.review.web.ControlToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Asks a running serve (started with --ami) to ring agents' phones with drills, now or on a schedule. */
@Command(name = "call", mixinStandardHelpOptions = true,
        description = {"Ring an agent's phone through Asterisk (AMI) and start a drill when they answer.",
                "Needs a running './callsim serve --ami HOST:PORT --ami-user USER' with the same --data.",
                "Examples:",
                "  ./callsim call --agent PJSIP/201 --scenario double-charge --difficulty hard",
                "  ./callsim call --agent PJSIP/202 --at 09:30",
                "  ./callsim call --assignment 12               (every agent of assignment 12 with work left)",
                "  ./callsim call --schedule team-drills.txt   (lines: WHEN AGENT [SCENARIO [LEVEL]] or WHEN assignment ID)"})
final class CallCommand implements Callable<Integer> {
    @Option(names = "--agent", paramLabel = "DEVICE", description = "The agent's phone as Asterisk dials it, e.g. PJSIP/201.")
    String agent;

    @Option(names = "--scenario", paramLabel = "ID", description = "Scenario id (default: the server's default).")
    String scenario;

    @Option(names = "--difficulty", paramLabel = "LEVEL", description = "easy, normal or hard (default: the server's default).")
    String difficulty;

    @Option(names = "--at", paramLabel = "WHEN", description = "Ring later: 09:30 (next time the clock shows it) or 2026-11-23T09:30.")
    String at;

    @Option(names = "--assignment", paramLabel = "ID",
            description = "Ring every agent of assignment ID who still has work left, each with their next drill.")
    String assignment;

    @Option(names = "--device", paramLabel = "DEVICE", description = "With --assignment: how Asterisk dials an agent, {agent} for "
            + "their extension (default: PJSIP/{agent}).")
    String device;

    @Option(names = "--schedule", paramLabel = "FILE", description = "Place every call in FILE: one 'WHEN AGENT [SCENARIO [LEVEL]]' per line.")
    Path schedule;

    @Option(names = "--server", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
            description = "The running serve's HTTP address (default: ${DEFAULT-VALUE}).")
    URI server;

    @Mixin
    DataDirOption data;

    @Override
    public Integer call() throws Exception {
        List<CallRequest> calls = requests(Instant.now(), ZoneId.systemDefault());
        String token = ControlToken.read(data.resolve());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ObjectMapper json = new ObjectMapper();
        int failed = 0;
        for (CallRequest call : calls) {
            ObjectNode body = json.createObjectNode();
            if (call.assignment().isPresent()) body.put("assignment", call.assignment().get()).put("device", call.agent());
            else body.put("agent", call.agent());
            call.scenario().ifPresent(s -> body.put("scenario", s));
            call.difficulty().ifPresent(d -> body.put("difficulty", d));
            call.at().ifPresent(t -> body.put("at", t.toString()));
            HttpRequest request = HttpRequest.newBuilder(server.resolve("/api/calls")).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.net.ConnectException e) {
                throw new IllegalStateException("no callsim serve at " + server + " (start it with --ami first)");
            }
            if (response.statusCode() == 202) {
                JsonNode answer = json.readTree(response.body());
                // An assignment answers with every call it placed; nobody left to ring is worth saying.
                if (answer.isArray() && answer.isEmpty()) System.out.printf("assignment %d: every agent is done, nobody rung%n", call.assignment().orElse(0L));
                for (JsonNode placed : answer.isArray() ? answer : json.createArrayNode().add(answer)) {
                    System.out.printf("%s %s: %s %s%n", placed.path("state").asText(), placed.path("agent").asText(),
                            placed.path("drill").asText(), placed.path("state").asText().equals("scheduled") ? "at " + placed.path("at").asText() : "");
                }
            } else {
                failed++;
                System.err.printf("callsim: %s not placed: %s", call.assignment().map(id -> "assignment " + id).orElse(call.agent()),
                        response.body());
            }
        }
        return failed == 0 ? 0 : 1;
    }

    List<CallRequest> requests(Instant now, ZoneId zone) throws java.io.IOException {
        if (schedule != null) {
            // Each schedule line names its own scenario and level; a flag here would be silently ignored.
            if (agent != null || at != null || scenario != null || difficulty != null || assignment != null || device != null) {
                throw new IllegalArgumentException("use either --schedule FILE, --assignment ID [--at] or --agent [--at] [--scenario] [--difficulty]");
            }
            if (!Files.exists(schedule)) throw new IllegalArgumentException("no schedule file " + schedule);
            List<CallRequest> calls = DrillSchedule.parse(schedule.toString(), Files.readAllLines(schedule), now, zone);
            if (calls.isEmpty()) throw new IllegalArgumentException(schedule + " has no calls in it");
            return calls;
        }
        if (assignment != null) {
            if (agent != null || scenario != null || difficulty != null) {
                throw new IllegalArgumentException("--assignment rings its own agents with their own drills: no --agent, --scenario or --difficulty with it");
            }
            return List.of(CallRequest.forAssignment(DrillSchedule.assignmentId(assignment), device == null ? CallRequest.DEFAULT_DEVICE : device,
                    Optional.ofNullable(at).map(text -> DrillSchedule.when(text, now, zone))));
        }
        if (device != null) throw new IllegalArgumentException("--device goes with --assignment; ring one phone with --agent PJSIP/201");
        if (agent == null) throw new IllegalArgumentException("say who to ring: --agent PJSIP/201 (or --assignment ID, or --schedule FILE)");
        return List.of(new CallRequest(agent, Optional.ofNullable(scenario), Optional.ofNullable(difficulty),
                Optional.ofNullable(at).map(text -> DrillSchedule.when(text, now, zone))));
    }
}
