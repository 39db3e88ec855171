package callsim.core;

import java.util.Optional;
import java.util.function.Function;

/**
 * What the caller answers to an agent turn: the most pressing thing the turn did decides the line
 * (an argument before a remedy before a fact asked for ...), and the caller's persona may turn a plain
 * reply into a demand for a supervisor or abuse.
 */
final class CallerReplies {
    private final Scenario scenario;
    private final CallerMemory memory;
    private final EvidenceLog evidence;
    /** Picks a line of a situation for the caller's current band. */
    private final Function<LineSituation, String> lines;

    CallerReplies(Scenario scenario, CallerMemory memory, EvidenceLog evidence, Function<LineSituation, String> lines) {
        this.scenario = scenario;
        this.memory = memory;
        this.evidence = evidence;
        this.lines = lines;
    }

    String replyTo(TurnReading reading, boolean factAskedBefore, boolean boundaryAnswersAbuse, AngerBand band, long now) {
        if (reading.has(Signal.CALM_DOWN) || reading.has(Signal.ARGUING)) return say(LineSituation.ARGUING, now);
        if (boundaryAnswersAbuse) return say(LineSituation.BOUNDARY, now);
        boolean newRemedy = reading.all(Signal.REMEDY).stream().anyMatch(d -> meetsNeed(d.subjectId()));
        if (newRemedy || reading.has(Signal.FORBIDDEN_PROMISE)) return say(LineSituation.SOLUTION, now);
        Optional<Detection> fact = reading.first(Signal.FACT_QUESTION);
        if (fact.isPresent()) return factAnswer(fact.get().subjectId(), factAskedBefore);
        boolean demands = scenario.persona().insistsOnSupervisor() && band.compareTo(AngerBand.FRUSTRATED) >= 0;
        boolean abuses = scenario.persona().abusive() && !memory.boundarySet() && band.compareTo(AngerBand.ANGRY) >= 0;
        if (demands && abuses) { // a caller who does both takes turns
            return say(memory.lastCallerLine() == LineSituation.ABUSE ? LineSituation.SUPERVISOR_DEMAND : LineSituation.ABUSE, now);
        }
        if (demands) return say(LineSituation.SUPERVISOR_DEMAND, now);
        if (abuses) return say(LineSituation.ABUSE, now);
        if (reading.has(Signal.WRONG_RESTATEMENT) && !reading.has(Signal.RESTATEMENT)) return say(LineSituation.CORRECTION, now);
        if (reading.has(Signal.REMEDY) || reading.has(Signal.VAGUE_PROMISE)) return say(LineSituation.WEAK_OFFER, now);
        if (reading.has(Signal.SPECIFIC_APOLOGY) || reading.has(Signal.BARE_APOLOGY)) return say(LineSituation.APOLOGY, now);
        if (reading.has(Signal.EMPATHY)) return say(LineSituation.EMPATHY, now);
        if (reading.has(Signal.RESTATEMENT)) return say(LineSituation.CONFIRMATION, now);
        if (reading.has(Signal.HOLD_REQUEST)) return say(LineSituation.HOLD_ASKED, now);
        return say(LineSituation.CONTINUATION, now);
    }

    /** A reply line; the caller remembers abuse and demands, since the agent's next turn answers them. */
    private String say(LineSituation situation, long now) {
        String text = lines.apply(situation);
        memory.callerSaid(situation);
        if (situation == LineSituation.ABUSE) {
            evidence.add(Technique.SET_A_BOUNDARY, Evidence.said(now, "abuse", text, "the caller swore or insulted"));
        } else if (situation == LineSituation.SUPERVISOR_DEMAND) {
            evidence.add(Technique.ESCALATE_PROPERLY, Evidence.said(now, "supervisor-demanded", text, "the caller asked for a supervisor"));
        }
        return text;
    }

    private String factAnswer(String factId, boolean askedBefore) {
        Fact fact = scenario.facts().stream().filter(f -> f.id().equals(factId)).findFirst().orElseThrow();
        return askedBefore ? "I already told you. " + fact.answer() : fact.answer();
    }

    private boolean meetsNeed(String remedyId) {
        return scenario.remedies().stream().anyMatch(r -> r.id().equals(remedyId) && r.meetsNeed());
    }
}
