package callsim.app.pipeline;

import callsim.speech.SpeakerProfile;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the recognisers have learnt of each agent's voice, kept from one of their drills to the next (in
 * memory, until the server stops): a returning agent is heard with their own adaptation from their first
 * word instead of the first three seconds of speech of every drill being heard with the model as loaded.
 * Bounded: the agents heard least recently are forgotten first.
 */
final class AgentVoices {
    /** Far more agents than a training floor drills in a day; a profile is about 100 KB. */
    static final int MAX_AGENTS = 1_000;

    private final int maxAgents;
    private final Map<String, SpeakerProfile> voices;

    AgentVoices() {
        this(MAX_AGENTS);
    }

    AgentVoices(int maxAgents) {
        if (maxAgents < 1) throw new IllegalArgumentException("maxAgents must be at least 1: " + maxAgents);
        this.maxAgents = maxAgents;
        this.voices = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SpeakerProfile> eldest) {
                return size() > AgentVoices.this.maxAgents;
            }
        };
    }

    /**
     * The profile to hear {@code agent} with: theirs if they were heard before, else a new one kept for
     * their next drill. An agent the line could not name gets a profile of their own for this drill only,
     * never someone else's.
     */
    synchronized SpeakerProfile of(String agent) {
        if (unidentified(agent)) return new SpeakerProfile();
        return voices.computeIfAbsent(agent, a -> new SpeakerProfile());
    }

    /** Blank, "unknown", or a withheld caller ID (RFC 3323's "anonymous"): nobody in particular. */
    private static boolean unidentified(String agent) {
        if (agent == null || agent.isBlank()) return true;
        String name = agent.toLowerCase(java.util.Locale.ROOT);
        return name.equals("unknown") || name.contains("anonymous");
    }
}
