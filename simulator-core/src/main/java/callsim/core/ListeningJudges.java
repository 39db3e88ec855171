package callsim.core;

import static callsim.core.Scoring.quoted;
import static callsim.core.Scoring.times;

import java.util.ArrayList;
import java.util.List;

/** Scores the listening techniques, T1-T6: venting, interrupting, empathy, restating, apology, facts. */
final class ListeningJudges {
    private static final long FIRST_MINUTE_MS = 60_000;

    private final Scenario scenario;
    private final EvidenceLog log;
    private final LineMetrics metrics;

    ListeningJudges(Scenario scenario, EvidenceLog log, LineMetrics metrics) {
        this.scenario = scenario;
        this.log = log;
        this.metrics = metrics;
    }

    List<Judgement> judge() {
        return new ArrayList<>(List.of(vent(), interruptions(), empathy(), restating(), apology(), facts()));
    }

    private Judgement vent() {
        List<Evidence> evidence = log.of(Technique.LET_THEM_VENT);
        long cutIns = evidence.stream().filter(e -> e.kind().equals("cut-in-opening")).count();
        return new Judgement(Technique.LET_THEM_VENT, true, 100 - 80 * (int) cutIns, evidence,
                "You started talking during the caller's opening complaint; let them vent to the end, with only a short "
                        + "\"mm-hm\" or \"I see\", before you answer.");
    }

    private Judgement interruptions() {
        List<Evidence> evidence = new ArrayList<>();
        for (long at : metrics.agentInterruptionsAtMs()) {
            evidence.add(Evidence.noted(at, "interruption", "started talking while the caller still had more to say"));
        }
        if (!metrics.agentInterruptionsAtMs().isEmpty() && metrics.overtalkSeconds() > 0) {
            evidence.add(Evidence.measured(metrics.overtalk().get(0).startMs(), "overtalk", metrics.overtalkSeconds(),
                    "seconds in which both of you were talking"));
        }
        int count = metrics.agentInterruptions();
        boolean early = count > 0 && metrics.agentInterruptionsAtMs().stream().allMatch(at -> at < FIRST_MINUTE_MS);
        return new Judgement(Technique.DONT_INTERRUPT, true, 100 - 30 * count, evidence,
                "You talked over the caller " + times(count) + (early ? " in the first minute" : "")
                        + "; let them finish each point before you answer.");
    }

    private Judgement empathy() {
        List<Evidence> evidence = log.of(Technique.EMPATHISE);
        List<Evidence> sincere = evidence.stream().filter(e -> e.kind().equals("empathy")).toList();
        long canned = evidence.stream().filter(e -> e.kind().equals("repeated-empathy")).count();
        if (sincere.isEmpty()) {
            return new Judgement(Technique.EMPATHISE, true, 0, evidence,
                    "You never acknowledged how the caller felt; early on, say you understand why they are upset.");
        }
        boolean early = sincere.get(0).atMs() < 2 * FIRST_MINUTE_MS;
        int score = (early ? 100 : 70) - 25 * (int) canned;
        String advice = canned > 0
                ? "You repeated the same empathy phrase until it sounded canned; vary it and tie it to the caller's problem."
                : "You acknowledged the caller's feelings late; do it in your first reply, before solving.";
        return new Judgement(Technique.EMPATHISE, true, score, evidence, advice);
    }

    private Judgement restating() {
        List<Evidence> evidence = log.of(Technique.REPEAT_THE_PROBLEM);
        long restated = evidence.stream().filter(e -> e.kind().equals("restated")).count();
        long wrong = evidence.stream().filter(e -> e.kind().equals("wrong-restatement")).count();
        int grievances = Math.max(1, scenario.grievances().size());
        int score = restated == 0 ? 0 : 50 + (int) Math.round(50.0 * Math.min(restated, grievances) / grievances);
        String example = scenario.grievances().isEmpty() ? "" : " (for example, " + quoted(plain(scenario.grievances().get(0).keywords().get(0))) + ")";
        String advice = wrong > 0
                ? "You restated a problem the caller did not have; repeat back their actual points" + example + "."
                : restated == 0 ? "You did not repeat the problem back; restate the caller's key points" + example + " so they know you listened."
                : "You repeated back only some of the caller's points; name each of their grievances.";
        return new Judgement(Technique.REPEAT_THE_PROBLEM, true, score - 25 * (int) wrong, evidence, advice);
    }

    private Judgement apology() {
        List<Evidence> evidence = log.of(Technique.APOLOGISE_SPECIFICALLY);
        boolean specific = evidence.stream().anyMatch(e -> e.kind().equals("specific-apology"));
        boolean bare = evidence.stream().anyMatch(e -> e.kind().equals("bare-apology"));
        List<Evidence> excuses = evidence.stream().filter(e -> e.kind().equals("excuse")).toList();
        int score = (specific ? 100 : bare ? 40 : 0) - 30 * excuses.size();
        String naming = scenario.grievances().isEmpty() ? ""
                : " (name it: " + quoted(plain(scenario.grievances().get(0).keywords().get(0))) + ")";
        String advice = !excuses.isEmpty()
                ? "You made excuses (" + quoted(excuses.get(0).words()) + "); apologise without blaming the system or the policy."
                : bare ? "Your apology named no problem; apologise for the problem itself" + naming + "."
                : "You never apologised; say sorry for the problem itself" + naming + ".";
        return new Judgement(Technique.APOLOGISE_SPECIFICALLY, true, score, evidence, advice);
    }

    private Judgement facts() {
        List<Evidence> evidence = log.of(Technique.GATHER_FACTS);
        long asked = evidence.stream().filter(e -> e.kind().equals("fact-asked")).count();
        long again = evidence.stream().filter(e -> e.kind().equals("fact-asked-again")).count();
        int score = (int) Math.min(100, 50 * asked) - 20 * (int) again;
        String advice = again > 0 ? "You asked again for something the caller had already told you; note their answers."
                : asked == 0 ? "You did not ask for the facts; ask for the details (account, dates, what happened) before solving."
                : "Ask one or two more questions to understand the problem fully before you solve it.";
        return new Judgement(Technique.GATHER_FACTS, true, score, evidence, advice);
    }

    /** A cue phrase as an agent would say it. */
    static String plain(String cue) {
        return cue.replace("*", "");
    }
}
