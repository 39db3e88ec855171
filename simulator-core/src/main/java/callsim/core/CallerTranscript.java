package callsim.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The drill's transcript: caller lines timed by when they actually played, agent turns as recognised. */
final class CallerTranscript {
    private static final class CallerLine {
        final String text;
        long startMs = -1;
        long endMs = -1;

        CallerLine(String text) {
            this.text = text;
        }
    }

    private final Map<Integer, CallerLine> callerLines = new LinkedHashMap<>();
    private final List<TranscriptEntry> agentTurns = new ArrayList<>();

    void spoken(int utteranceId, String text) {
        callerLines.put(utteranceId, new CallerLine(text));
    }

    void accept(DrillEvent event) {
        if (event instanceof DrillEvent.CallerSpeechStarted started) {
            CallerLine line = callerLines.get(started.utteranceId());
            if (line != null) line.startMs = started.atMs();
        } else if (event instanceof DrillEvent.CallerSpeechEnded ended) {
            CallerLine line = callerLines.get(ended.utteranceId());
            if (line != null && line.startMs >= 0) line.endMs = ended.atMs();
        } else if (event instanceof DrillEvent.AgentTurn turn) {
            String words = turn.words().isBlank() ? "(not recognised)" : turn.words().trim();
            agentTurns.add(new TranscriptEntry(Speaker.AGENT, turn.startMs(), turn.endMs(), words));
        }
    }

    /** Entries in order of start; a caller line still playing ends at {@code nowMs}; lines never played are left out. */
    List<TranscriptEntry> entries(long nowMs) {
        List<TranscriptEntry> entries = new ArrayList<>(agentTurns);
        for (CallerLine line : callerLines.values()) {
            if (line.startMs < 0) continue;
            long end = line.endMs >= 0 ? line.endMs : Math.max(line.startMs, nowMs);
            entries.add(new TranscriptEntry(Speaker.CALLER, line.startMs, end, line.text));
        }
        entries.sort(Comparator.comparingLong(TranscriptEntry::startMs));
        return entries;
    }
}
