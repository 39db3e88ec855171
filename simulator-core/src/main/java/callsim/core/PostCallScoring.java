package callsim.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scores a finished drill from a post-call transcript: the drill's events are replayed with, for each agent
 * turn, the words a slower, wider recognition of the recording heard in place of the words heard live. The
 * caller reacts as it did live (its anger, replies and the outcome follow the live words, so the anger curve
 * and the outcome are the ones that happened); the transcript, the line measurements that read words (a hold
 * asked for, a backchannel over the caller) and every technique's evidence follow the post-call words.
 * Pure: the same events and post-call words give the same record.
 */
public final class PostCallScoring {
    private PostCallScoring() {}

    /**
     * @param events     every event the live session was given, in the order it was given them
     * @param saidWords  the post-call words of each agent turn, one per {@link DrillEvent.AgentTurn} of
     *                   {@code events}, in the same order
     * @param endMs      when the live drill's record was taken (its end)
     * @throws IllegalArgumentException if there are not exactly as many post-call words as agent turns
     */
    public static DrillRecord rescore(Scenario scenario, Difficulty difficulty, long seed, SoundsLike sounds,
                                      List<DrillEvent> events, List<String> saidWords, long endMs) {
        List<DrillEvent.AgentTurn> turns = agentTurns(events);
        if (turns.size() != saidWords.size()) {
            throw new IllegalArgumentException("the drill has " + turns.size() + " agent turns but the post-call transcript has "
                    + saidWords.size());
        }
        DrillSession session = new DrillSession(scenario, difficulty, seed, sounds, true);
        int turn = 0;
        for (DrillEvent event : events) {
            DrillEvent said = event instanceof DrillEvent.AgentTurn heard
                    ? heard.withWords(Objects.requireNonNull(saidWords.get(turn++), "post-call words")) : event;
            session.on(event, said);
        }
        return session.record(endMs);
    }

    /** The agent turns of a drill's events, in order: what a post-call transcript gives words for. */
    public static List<DrillEvent.AgentTurn> agentTurns(List<DrillEvent> events) {
        List<DrillEvent.AgentTurn> turns = new ArrayList<>();
        for (DrillEvent event : events) {
            if (event instanceof DrillEvent.AgentTurn turn) turns.add(turn);
        }
        return turns;
    }
}
