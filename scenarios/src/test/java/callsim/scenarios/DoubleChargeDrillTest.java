package callsim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.core.CallerAction;
import callsim.core.Difficulty;
import callsim.core.DrillEvent;
import callsim.core.DrillSession;
import callsim.core.Outcome;
import callsim.core.Scorecard;
import callsim.core.Technique;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in scenario plays as a drill: its cues, remedies and lines work together. */
class DoubleChargeDrillTest {
    private final DrillSession session = new DrillSession(ScenarioLibrary.builtIn().defaultScenario(), Difficulty.NORMAL, 11);
    private final List<CallerAction> actions = new ArrayList<>();
    private long now;

    /** Plays each caller line for 3 s, then the agent says {@code words} for 3 s. */
    private void callerThenAgent(String words) {
        List<CallerAction.Speak> lines = actions.stream()
                .filter(a -> a instanceof CallerAction.Speak).map(a -> (CallerAction.Speak) a).toList();
        CallerAction.Speak last = lines.get(lines.size() - 1);
        feed(new DrillEvent.CallerSpeechStarted(now + 200, last.utteranceId(), 3_000));
        feed(new DrillEvent.CallerSpeechEnded(now + 3_000, last.utteranceId(), false));
        long start = now + 700;
        feed(new DrillEvent.AgentSpeechStarted(start));
        feed(new DrillEvent.AgentSpeechStopped(start + 3_000));
        feed(new DrillEvent.AgentTurn(start + 3_600, start, start + 3_000, words));
    }

    private void feed(DrillEvent event) {
        for (long t = now + 100; t < event.atMs(); t += 100) actions.addAll(session.on(new DrillEvent.Tick(t)));
        actions.addAll(session.on(event));
        now = event.atMs();
    }

    @Test
    void aGoodAgentResolvesTheDoubleCharge() {
        feed(new DrillEvent.CallConnected(0));
        callerThenAgent("I'm so sorry you were charged twice, I can understand how frustrating that is");
        callerThenAgent("could you give me the account number please");
        callerThenAgent("I can refund the second charge today and I'll also cover the overdraft fee");

        assertThat(session.outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(actions).last().isInstanceOf(CallerAction.HangUp.class);
    }

    @Test
    void aModelAgentPassesTheScorecardOnTheBuiltInScenario() {
        feed(new DrillEvent.CallConnected(0));
        callerThenAgent("so you were charged twice and the bank hit you with an overdraft fee");
        callerThenAgent("I'm so sorry about the double charge Dana, I completely understand how frustrating this is");
        callerThenAgent("could you give me the account number please");
        callerThenAgent("I will refund the second charge today and I can also cover the overdraft fee. You will see it in "
                + "three to five business days. Is there anything else I can help with? Thank you for your patience");

        Scorecard score = session.record(now).score();
        assertThat(session.outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(score.passed()).as(score.toString()).isTrue();
        assertThat(score.technique(Technique.OFFER_SOLUTIONS).score()).isEqualTo(100);
        assertThat(score.technique(Technique.CLOSE_AND_FOLLOW_UP).score()).isEqualTo(100);
    }

    @Test
    void promisingAYearsRefundFailsTheBuiltInScenario() {
        feed(new DrillEvent.CallConnected(0));
        callerThenAgent("I'm so sorry about the double charge Dana, I completely understand how frustrating this is");
        callerThenAgent("I will refund the whole year for you");

        Scorecard score = session.record(now).score();
        assertThat(score.technique(Technique.STAY_WITHIN_POLICY).score()).isZero();
        assertThat(score.passed()).isFalse();
    }

    @Test
    void tellingTheCallerToCalmDownMakesThemAngrier() {
        feed(new DrillEvent.CallConnected(0));
        int before = session.anger();
        callerThenAgent("okay you need to calm down");

        assertThat(session.anger()).isGreaterThan(before);
        CallerAction.Speak reply = (CallerAction.Speak) actions.get(actions.size() - 1);
        assertThat(ScenarioLibrary.builtIn().defaultScenario().lines().pools()
                .get(callsim.core.LineSituation.ARGUING).values().stream().flatMap(List::stream))
                .contains(reply.text());
    }
}
