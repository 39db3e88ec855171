package callsim.core;

import static callsim.core.ListeningJudges.plain;
import static callsim.core.Scoring.quoted;
import static callsim.core.Scoring.times;

import java.util.ArrayList;
import java.util.List;

/** Scores the handling techniques, T7-T14: hold, solutions, policy, calm, boundary, escalation, closing, courtesy. */
final class HandlingJudges {
    /** A hold longer than this needs a check-back (docs/metrics.md). */
    static final long CHECK_BACK_MS = 60_000;

    private final Scenario scenario;
    private final EvidenceLog log;
    private final LineMetrics metrics;
    private final Outcome outcome;

    HandlingJudges(Scenario scenario, EvidenceLog log, LineMetrics metrics, Outcome outcome) {
        this.scenario = scenario;
        this.log = log;
        this.metrics = metrics;
        this.outcome = outcome;
    }

    List<Judgement> judge() {
        return new ArrayList<>(List.of(hold(), solutions(), policy(), calm(), boundary(), escalation(), closing(), courtesy()));
    }

    private Judgement hold() {
        List<Evidence> evidence = new ArrayList<>(log.of(Technique.MANAGE_HOLD));
        int score = 100;
        String advice = "";
        if (!metrics.holds().isEmpty() && count(evidence, "hold-asked-without-time") > 0 && count(evidence, "hold-asked") == 0) {
            score -= 10;
            advice = "When you ask to put the caller on hold, say why and for how long (\"one minute while I check\").";
        }
        for (HoldRecord hold : metrics.holds()) {
            double seconds = hold.lengthMs() / 1000.0;
            evidence.add(Evidence.measured(hold.startMs(), hold.announced() ? "announced-hold" : "unannounced-hold", seconds,
                    hold.announced() ? "asked the caller before the hold" : "put the caller on hold without asking"));
            if (!hold.announced()) {
                score -= 50;
                advice = "You put the caller on hold without asking; ask permission first, and say why and for how long.";
            }
            if (hold.lengthMs() > CHECK_BACK_MS) {
                evidence.add(Evidence.measured(hold.startMs(), "no-check-back", seconds, "a long hold without coming back to update the caller"));
                score -= hold.lengthMs() > 2 * CHECK_BACK_MS ? 50 : 30;
                if (advice.isEmpty() || hold.lengthMs() > 2 * CHECK_BACK_MS) {
                    advice = "You left the caller on hold for " + Math.round(seconds) + " seconds"
                            + (hold.announced() ? "" : " without asking") + "; keep holds short and come back at least every minute.";
                }
            }
        }
        List<Span> agentSilences = metrics.silences();
        for (Span silence : agentSilences) {
            evidence.add(Evidence.measured(silence.startMs(), "dead-air", silence.lengthMs() / 1000.0, "silence on the line"));
        }
        int silences = agentSilences.size();
        score -= Math.min(30, 10 * silences);
        if (advice.isEmpty()) advice = "There was silence on the line " + times(silences) + "; tell the caller what you are doing while you work.";
        return new Judgement(Technique.MANAGE_HOLD, true, score, evidence, advice);
    }

    private Judgement solutions() {
        List<Evidence> evidence = log.of(Technique.OFFER_SOLUTIONS);
        List<Evidence> remedies = evidence.stream().filter(e -> e.kind().equals("remedy")).toList();
        boolean meetsNeed = remedies.stream().anyMatch(e -> e.note().endsWith("meets the caller's need"));
        boolean vague = evidence.stream().anyMatch(e -> e.kind().equals("vague-promise"));
        int score = meetsNeed ? (remedies.size() >= 2 ? 100 : 70) : !remedies.isEmpty() ? (remedies.size() >= 2 ? 50 : 35) : vague ? 10 : 0;
        String example = scenario.remedies().stream().filter(Remedy::meetsNeed).findFirst()
                .map(r -> quoted(plain(r.phrases().get(0)))).orElse("a concrete remedy");
        String advice = !meetsNeed
                ? "You did not offer a remedy that fixes the caller's problem" + (vague ? " (only a vague promise)" : "")
                        + "; offer something concrete, such as " + example + "."
                : "You offered only one option; give the caller a choice of two remedies so they feel in control.";
        return new Judgement(Technique.OFFER_SOLUTIONS, true, score, evidence, advice);
    }

    private Judgement policy() {
        List<Evidence> evidence = log.of(Technique.STAY_WITHIN_POLICY);
        Evidence forbidden = evidence.stream().filter(e -> e.kind().equals("forbidden-promise")).findFirst().orElse(null);
        boolean caved = evidence.stream().anyMatch(e -> e.kind().equals("caved"));
        String advice = forbidden == null ? "" : "You promised something the policy does not allow (" + quoted(forbidden.words()) + ")"
                + (caved ? " after the caller pushed back" : "") + "; offer the best allowed remedy and repeat it politely when pushed.";
        return new Judgement(Technique.STAY_WITHIN_POLICY, true, forbidden == null ? 100 : 0, evidence, advice);
    }

    private Judgement calm() {
        List<Evidence> evidence = log.of(Technique.STAY_CALM);
        long calmDown = evidence.stream().filter(e -> e.kind().equals("calm-down")).count();
        long arguing = evidence.stream().filter(e -> e.kind().equals("arguing")).count();
        String first = evidence.isEmpty() ? "" : evidence.get(0).words();
        String advice = calmDown > 0
                ? "You told the caller to " + quoted(first) + "; that is a known trigger: acknowledge the feeling instead."
                : "You argued with the caller (" + quoted(first) + "); stay calm and never blame the caller.";
        return new Judgement(Technique.STAY_CALM, true, 100 - 60 * (int) calmDown - 40 * (int) arguing, evidence, advice);
    }

    private Judgement boundary() {
        List<Evidence> evidence = log.of(Technique.SET_A_BOUNDARY);
        long abuse = count(evidence, "abuse");
        long ignored = count(evidence, "abuse-ignored");
        boolean set = count(evidence, "boundary") > 0;
        boolean needless = count(evidence, "boundary-without-abuse") > 0;
        boolean applicable = abuse > 0 || needless;
        int score = abuse == 0 ? 60 : set ? 100 - 20 * (int) Math.max(0, ignored - 1) : 0;
        String advice = abuse == 0 ? "Only ask a caller to keep it respectful when they have actually been abusive."
                : set ? "Set the boundary as soon as the caller becomes abusive; abuse you let pass carries on."
                : "The caller swore at you and you carried on; say calmly \"I want to help, but I need us to keep this respectful.\"";
        return new Judgement(Technique.SET_A_BOUNDARY, applicable, score, evidence, advice);
    }

    private Judgement escalation() {
        List<Evidence> evidence = log.of(Technique.ESCALATE_PROPERLY);
        long demands = count(evidence, "supervisor-demanded");
        long ignored = count(evidence, "demand-ignored");
        boolean premature = count(evidence, "premature-escalation") > 0;
        boolean escalated = count(evidence, "escalated") > 0;
        int score;
        String advice;
        if (premature) {
            score = 20;
            advice = "You transferred the caller to a supervisor before trying to help; acknowledge, apologise and offer a solution first.";
        } else if (escalated) {
            score = 100 - 15 * (int) Math.max(0, ignored - 1);
            advice = "The caller asked for a supervisor " + times(demands) + " before you transferred them; when a caller insists, escalate sooner.";
        } else {
            score = outcome == Outcome.RESOLVED ? 70 : 0;
            advice = "The caller asked for a supervisor " + times(demands) + " and you did not transfer them; when a caller insists, "
                    + "say \"let me transfer you to my supervisor\".";
        }
        return new Judgement(Technique.ESCALATE_PROPERLY, !evidence.isEmpty(), score, evidence, advice);
    }

    private Judgement closing() {
        List<Evidence> evidence = log.of(Technique.CLOSE_AND_FOLLOW_UP);
        List<String> missing = new ArrayList<>();
        int score = 0;
        if (count(evidence, "next-step") > 0) score += 40; else missing.add("say what will happen next and when");
        if (count(evidence, "anything-else") > 0) score += 30; else missing.add("ask if there is anything else");
        if (count(evidence, "thanks") > 0) score += 30; else missing.add("thank the caller for their patience");
        boolean early = count(evidence, "closing-too-early") > 0;
        if (early) score -= 20;
        if (count(evidence, "resolved-on-offer") > 0 && !early) {
            // The caller hung up happy straight after the offer: there was no turn left for "anything else?".
            boolean nextStep = count(evidence, "next-step") > 0;
            score = Math.max(score, nextStep ? 100 : 60);
            missing.removeIf(part -> !part.startsWith("say what"));
        }
        String advice = (early ? "You tried to wrap up before offering a solution. " : "")
                + "Close the call properly: " + String.join(", ", missing) + ".";
        return new Judgement(Technique.CLOSE_AND_FOLLOW_UP, true, score, evidence, missing.isEmpty() && early
                ? "You tried to wrap up before offering a solution; close only once the problem is solved." : advice);
    }

    private Judgement courtesy() {
        List<Evidence> evidence = log.of(Technique.COURTESY_AND_OWNERSHIP);
        List<String> missing = new ArrayList<>();
        int score = 0;
        if (count(evidence, "name-used") > 0) score += 30; else missing.add("use the caller's name (" + scenario.persona().nameWords().get(0) + ")");
        if (count(evidence, "politeness") > 0) score += 30; else missing.add("say please and thank you");
        if (count(evidence, "ownership") > 0) score += 40; else missing.add("take ownership (\"I will\", \"let me\")");
        List<Evidence> deflections = evidence.stream().filter(e -> e.kind().equals("deflection")).toList();
        score -= 30 * deflections.size();
        String advice = !deflections.isEmpty()
                ? "You pushed the work back onto the caller (" + quoted(deflections.get(0).words()) + "); say what you will do instead."
                : "Small courtesies count: " + String.join(", ", missing) + ".";
        return new Judgement(Technique.COURTESY_AND_OWNERSHIP, true, score, evidence, advice);
    }

    private static long count(List<Evidence> evidence, String kind) {
        return evidence.stream().filter(e -> e.kind().equals(kind)).count();
    }
}
