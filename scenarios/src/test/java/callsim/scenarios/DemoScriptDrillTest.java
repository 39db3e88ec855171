package callsim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.core.Difficulty;
import callsim.core.Outcome;
import callsim.core.Scorecard;
import callsim.core.Technique;
import callsim.core.VirtualCall;
import org.junit.jupiter.api.Test;

/** The words of the app's demo agent (a sound, ordinary agent) resolve and pass the built-in scenario. */
class DemoScriptDrillTest {
    private final VirtualCall call = new VirtualCall(ScenarioLibrary.builtIn().defaultScenario(), Difficulty.NORMAL, 11);

    @Test
    void theDemoAgentResolvesAndPasses() {
        call.connect();
        call.say("I am so sorry you were charged twice this month. I understand how frustrating that is.");
        call.say("Could you tell me the date of the second charge so I can find it?");
        call.say("Thank you. May I place you on hold for one moment while I check your account?");
        call.holdFor(4_000);
        call.say("Thank you for holding. I can refund the duplicate charge today, or credit it to your next bill. Which would you prefer?");
        call.say("Done. The refund will reach your account in three to five days. Is there anything else I can help you with?");
        call.say("Thank you for your patience, and have a good day.");

        Scorecard score = call.record().score();
        assertThat(call.session().outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(score.passed()).as(score.toString()).isTrue();
        assertThat(score.technique(Technique.GATHER_FACTS).has("fact-asked")).isTrue();
        assertThat(score.technique(Technique.OFFER_SOLUTIONS).count("remedy")).isEqualTo(2);
        assertThat(score.technique(Technique.MANAGE_HOLD).has("announced-hold")).isTrue();
    }
}
