package callsim.core;

import static callsim.core.Technique.APOLOGISE_SPECIFICALLY;
import static callsim.core.Technique.CLOSE_AND_FOLLOW_UP;
import static callsim.core.Technique.COURTESY_AND_OWNERSHIP;
import static callsim.core.Technique.EMPATHISE;
import static callsim.core.Technique.ESCALATE_PROPERLY;
import static callsim.core.Technique.GATHER_FACTS;
import static callsim.core.Technique.OFFER_SOLUTIONS;
import static callsim.core.Technique.REPEAT_THE_PROBLEM;
import static callsim.core.Technique.SET_A_BOUNDARY;
import static callsim.core.Technique.STAY_CALM;
import static callsim.core.Technique.STAY_WITHIN_POLICY;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes down what one agent turn showed of each technique, judged against what the caller remembered
 * before the turn (so "again", "too early" and "after abuse" are known). The judges
 * ({@link ListeningJudges}, {@link HandlingJudges}) turn the evidence kinds into scores.
 */
final class TurnEvidence {
    private TurnEvidence() {}

    static void log(long atMs, TurnReading reading, CallerMemory before, Scenario scenario, EvidenceLog log) {
        listening(atMs, reading, before, log);
        holdRequest(atMs, reading, log);
        solving(atMs, reading, before, scenario, log);
        conduct(atMs, reading, before, log);
        closing(atMs, reading, before, log);
    }

    private static void listening(long atMs, TurnReading reading, CallerMemory before, EvidenceLog log) {
        reading.first(Signal.EMPATHY).ifPresent(d -> {
            boolean canned = before.timesEmpathySaid(d.evidence()) >= 2;
            log.add(EMPATHISE, Evidence.said(atMs, canned ? "repeated-empathy" : "empathy", d.evidence(), canned
                    ? "the same empathy phrase a third time sounds canned" : "acknowledged how the caller feels"));
        });
        // The grievance an apology names shows up in the apology's evidence (T5), not as a restatement.
        // Likewise a remedy naming the problem ("refund the duplicate charge") is an offer, not listening back.
        String apologisedFor = reading.first(Signal.SPECIFIC_APOLOGY).map(Detection::subjectId).orElse("");
        for (Detection d : reading.has(Signal.REMEDY) ? List.<Detection>of() : reading.all(Signal.RESTATEMENT)) {
            if (!before.grievanceRestated(d.subjectId()) && !d.subjectId().equals(apologisedFor)) {
                log.add(REPEAT_THE_PROBLEM, Evidence.said(atMs, "restated", d.evidence(), "named the caller's grievance: " + d.subjectId()));
            }
        }
        reading.first(Signal.WRONG_RESTATEMENT).filter(d -> !reading.has(Signal.RESTATEMENT)).ifPresent(d -> log.add(
                REPEAT_THE_PROBLEM, Evidence.said(atMs, "wrong-restatement", reading.words(), "restated a problem the caller did not have")));
        reading.first(Signal.SPECIFIC_APOLOGY).ifPresent(d -> log.add(APOLOGISE_SPECIFICALLY,
                Evidence.said(atMs, "specific-apology", d.evidence(), "apologised for " + d.subjectId())));
        reading.first(Signal.BARE_APOLOGY).ifPresent(d -> log.add(APOLOGISE_SPECIFICALLY,
                Evidence.said(atMs, "bare-apology", d.evidence(), "an apology that names no problem barely helps")));
        reading.first(Signal.EXCUSE).ifPresent(d -> log.add(APOLOGISE_SPECIFICALLY,
                Evidence.said(atMs, "excuse", d.evidence(), "an excuse makes the caller angrier")));
        for (Detection d : reading.all(Signal.FACT_QUESTION)) {
            boolean again = before.factRevealed(d.subjectId());
            log.add(GATHER_FACTS, Evidence.said(atMs, again ? "fact-asked-again" : "fact-asked", d.evidence(),
                    again ? "asked again for " + d.subjectId() + ", which the caller already gave" : "asked for " + d.subjectId()));
        }
    }

    /** A good hold request says how long (T7); the line decides later whether a hold followed it. */
    private static void holdRequest(long atMs, TurnReading reading, EvidenceLog log) {
        reading.first(Signal.HOLD_REQUEST).ifPresent(d -> {
            boolean saysHowLong = HOW_LONG.matcher(reading.words().toLowerCase(Locale.ROOT)).find();
            log.add(Technique.MANAGE_HOLD, Evidence.said(atMs, saysHowLong ? "hold-asked" : "hold-asked-without-time", reading.words(),
                    saysHowLong ? "asked to hold and said for how long" : "asked to hold without saying for how long"));
        });
    }

    private static final Pattern HOW_LONG = Pattern.compile("\\b(moment|minute|minutes|second|seconds|sec|quick|briefly|two|three|one)\\b");

    private static void solving(long atMs, TurnReading reading, CallerMemory before, Scenario scenario, EvidenceLog log) {
        for (Detection d : reading.all(Signal.REMEDY)) {
            if (before.remedyOffered(d.subjectId())) {
                if (before.pushedBack()) log.add(STAY_WITHIN_POLICY, Evidence.said(atMs, "stayed-firm", d.evidence(),
                        "repeated the best offer politely when pushed"));
                continue;
            }
            boolean meets = scenario.remedies().stream().anyMatch(r -> r.id().equals(d.subjectId()) && r.meetsNeed());
            log.add(OFFER_SOLUTIONS, Evidence.said(atMs, "remedy", d.evidence(),
                    "offered " + d.subjectId() + (meets ? ", which meets the caller's need" : ", which does not meet the need")));
        }
        if (reading.has(Signal.VAGUE_PROMISE) && !reading.has(Signal.REMEDY)) {
            log.add(OFFER_SOLUTIONS, Evidence.said(atMs, "vague-promise", reading.first(Signal.VAGUE_PROMISE).get().evidence(),
                    "a vague promise is not a solution"));
        }
        reading.first(Signal.FORBIDDEN_PROMISE).ifPresent(d -> {
            log.add(STAY_WITHIN_POLICY, Evidence.said(atMs, "forbidden-promise", d.evidence(), "promised something the policy forbids"));
            if (before.pushedBack()) log.add(STAY_WITHIN_POLICY, Evidence.said(atMs, "caved", d.evidence(),
                    "gave in after the caller pushed back"));
        });
    }

    private static void conduct(long atMs, TurnReading reading, CallerMemory before, EvidenceLog log) {
        reading.first(Signal.CALM_DOWN).ifPresent(d -> log.add(STAY_CALM,
                Evidence.said(atMs, "calm-down", d.evidence(), "telling an angry caller to calm down is a known trigger")));
        reading.first(Signal.ARGUING).ifPresent(d -> log.add(STAY_CALM,
                Evidence.said(atMs, "arguing", d.evidence(), "argued with or blamed the caller")));
        boolean boundary = reading.has(Signal.BOUNDARY);
        if (boundary && before.abuseStarted() && !before.boundarySet()) {
            log.add(SET_A_BOUNDARY, Evidence.said(atMs, "boundary", reading.first(Signal.BOUNDARY).get().evidence(),
                    "set a calm boundary after abuse"));
        } else if (boundary && !before.abuseStarted()) {
            log.add(SET_A_BOUNDARY, Evidence.said(atMs, "boundary-without-abuse", reading.first(Signal.BOUNDARY).get().evidence(),
                    "asked for respect from a caller who had not been abusive"));
        } else if (before.abusePending()) {
            log.add(SET_A_BOUNDARY, Evidence.said(atMs, "abuse-ignored", reading.words(), "carried on as if the abuse had not happened"));
        }
        if (before.demandPending() && !reading.has(Signal.ESCALATION)) {
            log.add(ESCALATE_PROPERLY, Evidence.said(atMs, "demand-ignored", reading.words(), "talked past the demand for a supervisor"));
        }
        reading.first(Signal.ESCALATION).ifPresent(d -> {
            boolean premature = before.escalationPremature();
            log.add(ESCALATE_PROPERLY, Evidence.said(atMs, premature ? "premature-escalation" : "escalated", d.evidence(), premature
                    ? "transferred before trying empathy and a solution, and the caller had not asked"
                    : "transferred to a supervisor when it was needed"));
        });
        reading.first(Signal.NAME_USED).ifPresent(d -> log.add(COURTESY_AND_OWNERSHIP,
                Evidence.said(atMs, "name-used", d.evidence(), "used the caller's name")));
        reading.first(Signal.POLITENESS).ifPresent(d -> log.add(COURTESY_AND_OWNERSHIP,
                Evidence.said(atMs, "politeness", d.evidence(), "please / thank you")));
        reading.first(Signal.OWNERSHIP).ifPresent(d -> log.add(COURTESY_AND_OWNERSHIP,
                Evidence.said(atMs, "ownership", d.evidence(), "took ownership")));
        reading.first(Signal.DEFLECTION).ifPresent(d -> log.add(COURTESY_AND_OWNERSHIP,
                Evidence.said(atMs, "deflection", d.evidence(), "pushed the work back onto the caller")));
    }

    /** Closing parts count once a solution is on the table; asking "anything else" before that is too early. */
    private static void closing(long atMs, TurnReading reading, CallerMemory before, EvidenceLog log) {
        boolean solved = before.anyRemedyOffered() || reading.has(Signal.REMEDY) || reading.has(Signal.ESCALATION);
        if (!solved) {
            reading.first(Signal.ANYTHING_ELSE).ifPresent(d -> log.add(CLOSE_AND_FOLLOW_UP,
                    Evidence.said(atMs, "closing-too-early", d.evidence(), "tried to close before offering a solution")));
            return;
        }
        reading.first(Signal.NEXT_STEP).ifPresent(d -> log.add(CLOSE_AND_FOLLOW_UP,
                Evidence.said(atMs, "next-step", d.evidence(), "said what happens next and when")));
        reading.first(Signal.ANYTHING_ELSE).ifPresent(d -> log.add(CLOSE_AND_FOLLOW_UP,
                Evidence.said(atMs, "anything-else", d.evidence(), "asked if there was anything else")));
        reading.first(Signal.CLOSING_THANKS).ifPresent(d -> log.add(CLOSE_AND_FOLLOW_UP,
                Evidence.said(atMs, "thanks", d.evidence(), "thanked the caller")));
    }
}
