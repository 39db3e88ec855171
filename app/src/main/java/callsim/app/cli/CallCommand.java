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
                "  ./callsim call --schedule team-drills.txt   (lines: WHEN AGENT [SCENARIO [LEVEL]])"})
final class CallCommand implements Callable<Integer> {
    @Option(names = "--agent", paramLabel = "DEVICE", description = "The agent's phone as Asterisk dials it, e.g. PJSIP/201.")
    String agent;

    @Option(names = "--scenario", paramLabel = "ID", description = "Scenario id (default: the server's default).")
    String scenario;

    @Option(names = "--difficulty", paramLabel = "LEVEL", description = "easy, normal or hard (default: the server's default).")
    String difficulty;

    @Option(names = "--at", paramLabel = "WHEN", description = "Ring later: 09:30 (next time the clock shows it) or 2026-11-23T09:30.")
    String at;

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
            ObjectNode body = json.createObjectNode().put("agent", call.agent());
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
                JsonNode placed = json.readTree(response.body());
                System.out.printf("%s %s: %s %s%n", placed.path("state").asText(), placed.path("agent").asText(),
                        placed.path("drill").asText(), placed.path("state").asText().equals("scheduled") ? "at " + placed.path("at").asText() : "");
            } else {
                failed++;
                System.err.printf("callsim: %s not placed: %s", call.agent(), response.body());
            }
        }
        return failed == 0 ? 0 : 1;
    }

    List<CallRequest> requests(Instant now, ZoneId zone) throws java.io.IOException {
        if (schedule != null) {
            // Each schedule line names its own scenario and level; a flag here would be silently ignored.
            if (agent != null || at != null || scenario != null || difficulty != null) {
                throw new IllegalArgumentException("use either --schedule FILE or --agent [--at] [--scenario] [--difficulty]");
            }
            if (!Files.exists(schedule)) throw new IllegalArgumentException("no schedule file " + schedule);
            List<CallRequest> calls = DrillSchedule.parse(schedule.toString(), Files.readAllLines(schedule), now, zone);
            if (calls.isEmpty()) throw new IllegalArgumentException(schedule + " has no calls in it");
            return calls;
        }
        if (agent == null) throw new IllegalArgumentException("say who to ring: --agent PJSIP/201 (or --schedule FILE)");
        return List.of(new CallRequest(agent, Optional.ofNullable(scenario), Optional.ofNullable(difficulty),
                Optional.ofNullable(at).map(text -> DrillSchedule.when(text, now, zone))));
    }
}
