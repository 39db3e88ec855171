package callsim.core;

import java.util.List;

/**
 * How much each thing the agent does moves the caller's anger (RUBRIC.md, "caller reaction"). Each
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
                + vaguePromise(reading) + arguing(reading) + closing(reading, memory);
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
            if (memory.remedyOffered(detection.subjectId())) continue;
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

    /** Rises scale with volatility; falls do not. */
    static int scaled(int delta, double volatility) {
        return delta > 0 ? (int) Math.round(delta * volatility) : delta;
    }
}
