package callsim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.core.CallerAction;
import callsim.core.Difficulty;
import callsim.core.DrillSession;
import callsim.core.Outcome;
import callsim.core.Scorecard;
import callsim.core.Technique;
import callsim.core.VirtualCall;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in scenario plays as a drill: its cues, remedies and lines work together. */
class DoubleChargeDrillTest {
    private final VirtualCall call = new VirtualCall(ScenarioLibrary.builtIn().defaultScenario(), Difficulty.NORMAL, 11);
    private final DrillSession session = call.session();

    @Test
    void aGoodAgentResolvesTheDoubleCharge() {
        call.connect();
        call.say("I'm so sorry you were charged twice, I can understand how frustrating that is");
        call.say("could you give me the account number please");
        call.say("I can refund the second charge today and I'll also cover the overdraft fee");

        assertThat(session.outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(call.actions()).last().isInstanceOf(CallerAction.HangUp.class);
    }

    @Test
    void aModelAgentPassesTheScorecardOnTheBuiltInScenario() {
        call.connect();
        call.say("so you were charged twice and the bank hit you with an overdraft fee");
        call.say("I'm so sorry about the double charge Dana, I completely understand how frustrating this is");
        call.say("could you give me the account number please");
        call.say("I will refund the second charge today and I can also cover the overdraft fee. You will see it in "
                + "three to five business days. Is there anything else I can help with? Thank you for your patience");

        Scorecard score = call.record().score();
        assertThat(session.outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(score.passed()).as(score.toString()).isTrue();
        assertThat(score.technique(Technique.OFFER_SOLUTIONS).score()).isEqualTo(100);
        assertThat(score.technique(Technique.CLOSE_AND_FOLLOW_UP).score()).isEqualTo(100);
    }

    @Test
    void promisingAYearsRefundFailsTheBuiltInScenario() {
        call.connect();
        call.say("I'm so sorry about the double charge Dana, I completely understand how frustrating this is");
        call.say("I will refund the whole year for you");

        Scorecard score = call.record().score();
        assertThat(score.technique(Technique.STAY_WITHIN_POLICY).score()).isZero();
        assertThat(score.passed()).isFalse();
    }

    @Test
    void tellingTheCallerToCalmDownMakesThemAngrier() {
        call.connect();
        int before = session.anger();
        call.say("okay you need to calm down");

        assertThat(session.anger()).isGreaterThan(before);
        String reply = call.lastCallerLine();
        assertThat(ScenarioLibrary.builtIn().defaultScenario().lines().pools()
                .get(callsim.core.LineSituation.ARGUING).values().stream().flatMap(List::stream))
                .contains(reply);
    }
}
