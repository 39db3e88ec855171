package callsim.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the {@link Scorecard} from the evidence collected during the drill, the line metrics and the
 * outcome. Pure: the same inputs give the same scorecard.
 */
final class Scoring {
    private static final int MAX_ADVICE = 3;
    private static final int GOOD_ESCALATION = 70;
    /**
     * Techniques a trainee must not get badly wrong, whatever the total: interrupting repeatedly, never
     * apologising, a long unannounced hold, a forbidden promise, "calm down" or arguing.
     */
    static final Set<Technique> CRITICAL = EnumSet.of(Technique.DONT_INTERRUPT, Technique.APOLOGISE_SPECIFICALLY,
            Technique.MANAGE_HOLD, Technique.STAY_WITHIN_POLICY, Technique.STAY_CALM);
    static final int CRITICAL_FLOOR = 50;
    /** Evidence kinds of things that made the caller angrier. */
    private static final List<String> HARMFUL = List.of("cut-in-opening", "interruption", "repeated-empathy",
            "wrong-restatement", "excuse", "fact-asked-again", "unannounced-hold", "no-check-back", "dead-air", "caved",
            "calm-down", "arguing", "abuse-ignored", "demand-ignored", "premature-escalation", "deflection");

    private Scoring() {}

    /** {@code unclear}: the agent turns heard too poorly to score, listed on the scorecard instead. */
    static Scorecard score(Scenario scenario, EvidenceLog log, LineMetrics metrics, Outcome outcome, List<UnclearTurn> unclear) {
        List<Judgement> judgements = new ListeningJudges(scenario, log, metrics).judge();
        judgements.addAll(new HandlingJudges(scenario, log, metrics, outcome).judge());
        judgements.sort(Comparator.comparing(Judgement::technique));

        double weighted = 0;
        double weights = 0;
        for (Judgement judgement : judgements) {
            if (!judgement.applicable()) continue;
            double weight = scenario.weight(judgement.technique());
            weighted += weight * judgement.score();
            weights += weight;
        }
        int total = weights == 0 ? 0 : (int) Math.round(weighted / weights);
        boolean forbidden = find(judgements, Technique.STAY_WITHIN_POLICY).has("forbidden-promise");
        boolean goodOutcome = outcome == Outcome.RESOLVED
                || outcome == Outcome.ESCALATED && find(judgements, Technique.ESCALATE_PROPERLY).score() >= GOOD_ESCALATION;
        List<Judgement> badlyWrong = judgements.stream()
                .filter(j -> j.applicable() && CRITICAL.contains(j.technique()) && j.score() < CRITICAL_FLOOR).toList();
        boolean passed = total >= scenario.passMark() && !forbidden && goodOutcome && badlyWrong.isEmpty();
        return new Scorecard(total, scenario.passMark(), passed, outcome,
                verdict(total, scenario.passMark(), passed, forbidden, goodOutcome, outcome, badlyWrong),
                judgements.stream().map(Judgement::toScore).toList(), advice(scenario, judgements), unclear);
    }

    /** The techniques that lost the most weighted points (a forbidden promise always first). */
    private static List<String> advice(Scenario scenario, List<Judgement> judgements) {
        List<Judgement> fallingShort = new ArrayList<>(judgements.stream()
                .filter(j -> j.applicable() && j.score() < 100 && !j.advice().isEmpty()).toList());
        fallingShort.sort(Comparator.comparingInt(Scoring::tier)
                .thenComparingDouble(j -> -scenario.weight(j.technique()) * (100 - j.score()))
                .thenComparing(Judgement::technique));
        return fallingShort.stream().limit(MAX_ADVICE).map(Judgement::advice).toList();
    }

    /**
     * What the agent did wrong angered the caller and so changed the outcome more than what they left out:
     * a forbidden promise first, then techniques with harmful evidence, then missing good practice.
     */
    private static int tier(Judgement judgement) {
        if (judgement.has("forbidden-promise")) return 0;
        return HARMFUL.stream().anyMatch(judgement::has) ? 1 : 2;
    }

    private static String verdict(int total, int passMark, boolean passed, boolean forbidden, boolean goodOutcome, Outcome outcome,
            List<Judgement> badlyWrong) {
        String score = total + "/100";
        if (passed) {
            return "Passed with " + score + ": " + (outcome == Outcome.RESOLVED
                    ? "the caller was satisfied with the remedy." : "the caller was transferred to a supervisor when it was needed.");
        }
        String reason;
        if (forbidden) reason = "you promised something the policy forbids.";
        else if (!goodOutcome) reason = switch (outcome) {
            case IN_PROGRESS -> "the call is not over yet.";
            case ESCALATED -> "the transfer to a supervisor came too early.";
            case CALLER_HUNG_UP -> "the caller hung up unhappy.";
            case AGENT_SILENT -> "the caller hung up after a long silence.";
            case AGENT_ENDED -> "the call ended before the caller was satisfied.";
            case TIMED_OUT -> "the drill ran out of time before the caller was satisfied.";
            case LINE_DROPPED -> "the line dropped before the caller was satisfied.";
            case SERVER_STOPPED -> "the simulator was stopped before the caller was satisfied.";
            case RESOLVED -> "";
        };
        else if (!badlyWrong.isEmpty()) reason = badlyWrong.stream()
                .map(j -> "\"" + j.technique().title() + "\" scored " + j.score())
                .collect(java.util.stream.Collectors.joining(" and ")) + ", below " + CRITICAL_FLOOR + ".";
        else reason = "the total is below the pass mark of " + passMark + ".";
        return "Not passed (" + score + "): " + reason;
    }

    static Judgement find(List<Judgement> judgements, Technique technique) {
        return judgements.stream().filter(j -> j.technique() == technique).findFirst().orElseThrow();
    }

    /** "once", "twice", "3 times". */
    static String times(long n) {
        return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
    }

    static String quoted(String words) {
        return "\"" + words + "\"";
    }
}
