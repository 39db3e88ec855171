package callsim.bench;

import callsim.review.report.DrillReport;
import callsim.review.report.ReportMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What callsim itself recorded for a set of drills, pooled: every caller response latency from each
 * drill's report.json, read as the typed {@link DrillReport} (LineMonitor's measure: agent's last voiced frame → caller's first frame on the
 * line), agent turns with and without recognised words (events.jsonl), caller lines that started while the
 * agent was speaking without being meant as a barge-in (stale replies), and how the drills ended.
 */
record DrillResults(int drills, List<Long> latenciesMs, int turnsWithWords, int emptyTurns,
                    Map<String, Integer> outcomes, int incomplete, List<Long> wordsWaitMs, List<Long> voiceWaitMs,
                    int staleReplies) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static DrillResults read(List<Path> drillDirs) throws IOException {
        List<Long> latencies = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        int withWords = 0;
        int empty = 0;
        int incomplete = 0;
        List<Long> wordsWait = new ArrayList<>();
        List<Long> voiceWait = new ArrayList<>();
        int stale = 0;
        for (Path dir : drillDirs) {
            Path reportFile = dir.resolve("report.json");
            if (!Files.exists(reportFile)) {
                incomplete++;
                continue;
            }
            DrillReport report = ReportMapper.read(reportFile);
            if (!report.complete()) incomplete++;
            outcomes.merge(report.outcome() == null ? "?" : report.outcome(), 1, Integer::sum);
            latencies.addAll(report.metrics().evidence().callerResponseLatenciesMs());
            try (BufferedReader events = Files.newBufferedReader(dir.resolve("events.jsonl"))) {
                JsonNode turn = null; // the last agent turn the caller has not answered yet
                boolean agentSpeaking = false;
                java.util.Set<Integer> bargeIns = new java.util.HashSet<>();
                for (String line = events.readLine(); line != null; line = events.readLine()) {
                    JsonNode event = JSON.readTree(line);
                    String type = event.path("type").asText();
                    if (type.equals("AgentSpeechStarted")) agentSpeaking = true;
                    if (type.equals("AgentSpeechStopped")) agentSpeaking = false;
                    if (type.equals("CallerSpeak") && event.path("overAgent").asBoolean()) bargeIns.add(event.path("utteranceId").asInt());
                    if (type.equals("CallerSpeechStarted") && agentSpeaking && !bargeIns.contains(event.path("utteranceId").asInt())) {
                        stale++; // in the order the session heard them: the agent was mid-speech when this reply began
                    }
                    if (type.equals("AgentTurn")) {
                        if (event.path("words").asText("").isBlank()) empty++; else withWords++;
                        turn = event;
                    } else if (type.equals("CallerSpeechStarted") && turn != null) {
                        // Where a reply's time went: the turn's end until its words were known (end-of-turn
                        // silence + recognition), then until the caller's voice was on the line (reply + synthesis).
                        wordsWait.add(turn.path("atMs").asLong() - turn.path("endMs").asLong());
                        voiceWait.add(event.path("atMs").asLong() - turn.path("atMs").asLong());
                        turn = null;
                    }
                }
            }
        }
        return new DrillResults(drillDirs.size(), List.copyOf(latencies), withWords, empty, outcomes, incomplete,
                List.copyOf(wordsWait), List.copyOf(voiceWait), stale);
    }

    /** Nearest-rank percentile of the latencies, as LineMetrics computes it per drill; -1 when there are none. */
    long percentileMs(int percentile) {
        return percentile(latenciesMs, percentile);
    }

    static long percentile(List<Long> values, int percentile) {
        if (values.isEmpty()) return -1;
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** Drills that callsim ended before the agent hung up (the caller hung up, was resolved or escalated). */
    int endedEarly() {
        return drills - incomplete - outcomes.getOrDefault("agent_ended", 0);
    }
}
