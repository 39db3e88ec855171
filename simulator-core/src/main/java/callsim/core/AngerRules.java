package callsim.core;

import java.util.List;

/**
 * How much each thing the agent does moves the caller's anger (docs/rubric.md, each technique's "Caller"). Each
 * rule is a small named function of what was heard and what the caller remembers; rises are scaled
 * by the scenario's volatility, so a harder caller flares faster.
 */
final class AngerRules {
    static final int VENTED_UNINTERRUPTED = -3;
    static final int INTERRUPTED = 8;
    static final int INTERRUPTED_WHILE_VENTING = 12;
    static final int UNANNOUNCED_HOLD = 8;
    static final int DEAD_AIR = 3;
    static final int ANNOUNCED_FIRST_HOLD_MARK = 1;
    static final int ANNOUNCED_LATER_HOLD_MARK = 4;
    static final int UNANNOUNCED_HOLD_MARK = 6;

    private AngerRules() {}

    /** The anger change for one agent turn, before the caller remembers it. */
    static int forTurn(TurnReading reading, CallerMemory memory, Scenario scenario) {
        int delta = empathy(reading, memory) + apology(reading, memory) + excuse(reading)
                + restatement(reading, memory) + facts(reading, memory) + remedies(reading, memory, scenario)
                + vaguePromise(reading) + arguing(reading) + closing(reading, memory)
                + wrongRestatement(reading) + forbiddenPromise(reading, memory) + boundary(reading, memory)
                + ignoredDemand(reading, memory) + escalation(reading, memory) + courtesy(reading, memory);
        boolean heardNothingUseful = reading.detections().isEmpty() && Words.tokens(reading.words()).size() >= 4;
        return heardNothingUseful ? delta + 1 : delta;
    }

    /** Early empathy helps most; the same phrase a third time grates. */
    static int empathy(TurnReading reading, CallerMemory memory) {
        return reading.first(Signal.EMPATHY).map(d -> {
            int repeats = memory.timesEmpathySaid(d.evidence());
            if (repeats >= 2) return 3;
            double effect = 8.0 * (memory.agentTurns() < 3 ? 1.5 : 1.0) / (1 + 0.4 * memory.empathyCount());
            return -(int) Math.round(repeats == 1 ? effect / 2 : effect);
        }).orElse(0);
    }

    /** A specific apology lowers anger (less each time); a bare one barely moves it. */
    static int apology(TurnReading reading, CallerMemory memory) {
        if (reading.has(Signal.SPECIFIC_APOLOGY)) return memory.apologyCount() == 0 ? -8 : -3;
        if (reading.has(Signal.BARE_APOLOGY)) return memory.bareApologyCount() < 2 ? -1 : 1;
        return 0;
    }

    static int excuse(TurnReading reading) {
        return reading.has(Signal.EXCUSE) ? 6 : 0;
    }

    /** Naming the caller's grievance in their terms (T4), once per grievance. */
    static int restatement(TurnReading reading, CallerMemory memory) {
        return reading.all(Signal.RESTATEMENT).stream()
                .anyMatch(d -> !memory.grievanceAcknowledged(d.subjectId())) ? -3 : 0;
    }

    /** Being asked for the facts feels like progress; being asked again for one already given does not. */
    static int facts(TurnReading reading, CallerMemory memory) {
        List<Detection> asked = reading.all(Signal.FACT_QUESTION);
        if (asked.isEmpty()) return 0;
        return asked.stream().anyMatch(d -> memory.factRevealed(d.subjectId())) ? 3 : -2;
    }

    /** A remedy that meets the need lowers anger most; options help; repeating an offer holds steady. */
    static int remedies(TurnReading reading, CallerMemory memory, Scenario scenario) {
        List<Detection> offered = reading.all(Signal.REMEDY);
        int delta = 0;
        for (Detection detection : offered) {
            if (memory.remedyOffered(detection.subjectId())) {
                if (memory.pushedBack() && !reading.has(Signal.FORBIDDEN_PROMISE)) delta -= 2; // firm and polite is respected
                continue;
            }
            boolean meetsNeed = scenario.remedies().stream()
                    .anyMatch(r -> r.id().equals(detection.subjectId()) && r.meetsNeed());
            delta += meetsNeed ? -25 : -5;
        }
        if (offered.size() >= 2) delta -= 5;
        return delta;
    }

    static int vaguePromise(TurnReading reading) {
        return reading.has(Signal.VAGUE_PROMISE) && !reading.has(Signal.REMEDY) ? 3 : 0;
    }

    /** "Calm down" is a known trigger; arguing or blaming escalates sharply. */
    static int arguing(TurnReading reading) {
        boolean calmDown = reading.has(Signal.CALM_DOWN);
        boolean arguing = reading.has(Signal.ARGUING);
        if (calmDown && arguing) return 18;
        return calmDown ? 15 : arguing ? 12 : 0;
    }

    /** Closing helps once the problem is solved and annoys before. */
    static int closing(TurnReading reading, CallerMemory memory) {
        if (!reading.has(Signal.CLOSING)) return 0;
        return memory.needMet() || reading.has(Signal.REMEDY) ? -6 : 2;
    }

    /** Getting the problem wrong after all that: the caller corrects the agent, irritated (T4). */
    static int wrongRestatement(TurnReading reading) {
        return reading.has(Signal.WRONG_RESTATEMENT) && !reading.has(Signal.RESTATEMENT) ? 5 : 0;
    }

    /** A promise the policy forbids pleases the caller now (T9); the score pays for it later. */
    static int forbiddenPromise(TurnReading reading, CallerMemory memory) {
        return reading.has(Signal.FORBIDDEN_PROMISE) && !memory.forbiddenPromised() ? -15 : 0;
    }

    /**
     * A calm boundary after abuse tones the caller down (T11); a "boundary" when they were never rude
     * feels like a lecture; abuse that goes unanswered carries on and grows.
     */
    static int boundary(TurnReading reading, CallerMemory memory) {
        boolean calmBoundary = reading.has(Signal.BOUNDARY) && !reading.has(Signal.CALM_DOWN) && !reading.has(Signal.ARGUING);
        if (calmBoundary) return memory.abuseStarted() && !memory.boundarySet() ? -10 : memory.abuseStarted() ? 0 : 3;
        return memory.abusePending() ? 2 : 0;
    }

    /** A demand for a supervisor that the agent talks past (T12). */
    static int ignoredDemand(TurnReading reading, CallerMemory memory) {
        return memory.demandPending() && !reading.has(Signal.ESCALATION) ? 4 : 0;
    }

    /** Being passed on before the agent has even tried annoys the caller (T12). */
    static int escalation(TurnReading reading, CallerMemory memory) {
        if (!reading.has(Signal.ESCALATION)) return 0;
        return memory.escalationPremature() ? 5 : -5;
    }

    /** Hearing their name helps a little the first time; being told to do the work themself does not (T14). */
    static int courtesy(TurnReading reading, CallerMemory memory) {
        int delta = reading.has(Signal.NAME_USED) && !memory.nameUsed() ? -2 : 0;
        return reading.has(Signal.DEFLECTION) ? delta + 4 : delta;
    }

    /** Rises scale with volatility; falls do not. */
    static int scaled(int delta, double volatility) {
        return delta > 0 ? (int) Math.round(delta * volatility) : delta;
    }
}
