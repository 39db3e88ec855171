package callsim.core;

import com.google.common.collect.HashMultiset;
import com.google.common.collect.Multiset;
import java.util.HashSet;
import java.util.Set;

/** What the caller remembers of the agent's turns: it makes repeats wear thin and remedies count once. */
final class CallerMemory {
    private final Multiset<String> empathyPhrases = HashMultiset.create();
    private int empathyCount;
    private int apologyCount;
    private int bareApologyCount;
    private int agentTurns;
    private final Set<String> acknowledgedGrievances = new HashSet<>();
    private final Set<String> revealedFacts = new HashSet<>();
    private final Set<String> offeredRemedies = new HashSet<>();
    private boolean needMet;

    int timesEmpathySaid(String phrase) { return empathyPhrases.count(phrase); }
    int empathyCount() { return empathyCount; }
    int apologyCount() { return apologyCount; }
    int bareApologyCount() { return bareApologyCount; }
    int agentTurns() { return agentTurns; }
    boolean grievanceAcknowledged(String id) { return acknowledgedGrievances.contains(id); }
    boolean factRevealed(String id) { return revealedFacts.contains(id); }
    boolean remedyOffered(String id) { return offeredRemedies.contains(id); }

    /** A remedy that meets the caller's need has been offered (and so can be accepted). */
    boolean needMet() { return needMet; }

    void remember(TurnReading reading, Scenario scenario) {
        agentTurns++;
        reading.first(Signal.EMPATHY).ifPresent(d -> {
            empathyPhrases.add(d.evidence());
            empathyCount++;
        });
        if (reading.has(Signal.SPECIFIC_APOLOGY)) apologyCount++;
        if (reading.has(Signal.BARE_APOLOGY)) bareApologyCount++;
        reading.all(Signal.RESTATEMENT).forEach(d -> acknowledgedGrievances.add(d.subjectId()));
        reading.all(Signal.FACT_QUESTION).forEach(d -> revealedFacts.add(d.subjectId()));
        for (Detection remedy : reading.all(Signal.REMEDY)) {
            offeredRemedies.add(remedy.subjectId());
            scenario.remedies().stream()
                    .filter(r -> r.id().equals(remedy.subjectId()) && r.meetsNeed())
                    .findFirst()
                    .ifPresent(r -> needMet = true);
        }
    }
}
