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
    private final Set<String> restatedGrievances = new HashSet<>();
    private final Set<String> revealedFacts = new HashSet<>();
    private final Set<String> offeredRemedies = new HashSet<>();
    private boolean needMet;
    private boolean triedEmpathyOrApology;
    private boolean abuseStarted;
    private boolean abusePending;
    private boolean boundarySet;
    private int supervisorDemands;
    private boolean demandPending;
    private boolean pushedBack;
    private boolean forbiddenPromised;
    private boolean nameUsed;
    private LineSituation lastCallerLine = LineSituation.CONTINUATION;

    int timesEmpathySaid(String phrase) { return empathyPhrases.count(phrase); }
    int empathyCount() { return empathyCount; }
    int apologyCount() { return apologyCount; }
    int bareApologyCount() { return bareApologyCount; }
    int agentTurns() { return agentTurns; }
    boolean grievanceAcknowledged(String id) { return acknowledgedGrievances.contains(id); }
    /** Restated in the agent's own words, not only named in an apology (T4's evidence). */
    boolean grievanceRestated(String id) { return restatedGrievances.contains(id); }
    boolean factRevealed(String id) { return revealedFacts.contains(id); }
    boolean remedyOffered(String id) { return offeredRemedies.contains(id); }

    /** A remedy that meets the caller's need has been offered (and so can be accepted). */
    boolean needMet() { return needMet; }
    boolean anyRemedyOffered() { return !offeredRemedies.isEmpty(); }
    int remediesOffered() { return offeredRemedies.size(); }
    boolean triedEmpathyOrApology() { return triedEmpathyOrApology; }
    /** The caller has sworn or insulted and no boundary has been set yet. */
    boolean abuseStarted() { return abuseStarted; }
    /** The caller's last line was abusive and the agent has not answered it yet. */
    boolean abusePending() { return abusePending; }
    boolean boundarySet() { return boundarySet; }
    int supervisorDemands() { return supervisorDemands; }
    /** The caller's last line demanded a supervisor and the agent has not answered it yet. */
    boolean demandPending() { return demandPending; }
    /** The caller has pushed back on an offer or demanded more: a forbidden promise now is caving. */
    boolean pushedBack() { return pushedBack; }
    boolean forbiddenPromised() { return forbiddenPromised; }
    boolean nameUsed() { return nameUsed; }
    /** The situation of the caller's last reply to the agent. */
    LineSituation lastCallerLine() { return lastCallerLine; }

    /**
     * An escalation is premature when the caller has not asked for a supervisor and the agent has not
     * yet both acknowledged the caller and tried a solution.
     */
    boolean escalationPremature() {
        return supervisorDemands == 0 && !(triedEmpathyOrApology && anyRemedyOffered());
    }

    /** The caller said a line of this situation (remembered for what the agent's next turn answers). */
    void callerSaid(LineSituation situation) {
        lastCallerLine = situation;
        switch (situation) {
            case ABUSE -> {
                abuseStarted = true;
                abusePending = true;
            }
            case SUPERVISOR_DEMAND -> {
                supervisorDemands++;
                demandPending = true;
                pushedBack = true;
            }
            case WEAK_OFFER -> pushedBack = true;
            default -> { }
        }
    }

    /** The caller told this fact (asked for it along with another one in the same turn). */
    void factTold(String factId) {
        revealedFacts.add(factId);
    }

    void remember(TurnReading reading, Scenario scenario) {
        agentTurns++;
        abusePending = false;
        demandPending = false;
        if (reading.has(Signal.BOUNDARY) && abuseStarted) boundarySet = true;
        if (reading.has(Signal.FORBIDDEN_PROMISE)) forbiddenPromised = true;
        if (reading.has(Signal.NAME_USED)) nameUsed = true;
        if (reading.has(Signal.EMPATHY) || reading.has(Signal.SPECIFIC_APOLOGY) || reading.has(Signal.BARE_APOLOGY)) {
            triedEmpathyOrApology = true;
        }
        reading.first(Signal.EMPATHY).ifPresent(d -> {
            empathyPhrases.add(d.evidence());
            empathyCount++;
        });
        if (reading.has(Signal.SPECIFIC_APOLOGY)) apologyCount++;
        if (reading.has(Signal.BARE_APOLOGY)) bareApologyCount++;
        reading.all(Signal.RESTATEMENT).forEach(d -> acknowledgedGrievances.add(d.subjectId()));
        String apologisedFor = reading.first(Signal.SPECIFIC_APOLOGY).map(Detection::subjectId).orElse("");
        if (!reading.has(Signal.REMEDY)) {
            reading.all(Signal.RESTATEMENT).stream().map(Detection::subjectId).filter(id -> !id.equals(apologisedFor))
                    .forEach(restatedGrievances::add);
        }
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
