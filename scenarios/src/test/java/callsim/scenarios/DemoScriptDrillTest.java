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

/** The words of the app's demo agent (a sound, ordinary agent) resolve and pass the built-in scenario. */
class DemoScriptDrillTest {
    private final DrillSession session = new DrillSession(ScenarioLibrary.builtIn().defaultScenario(), Difficulty.NORMAL, 11);
    private final List<CallerAction> actions = new ArrayList<>();
    private long now;

    private void callerFinishes(long lengthMs) {
        List<CallerAction.Speak> lines = actions.stream()
                .filter(a -> a instanceof CallerAction.Speak).map(a -> (CallerAction.Speak) a).toList();
        CallerAction.Speak last = lines.get(lines.size() - 1);
        feed(new DrillEvent.CallerSpeechStarted(now + 200, last.utteranceId(), lengthMs));
        feed(new DrillEvent.CallerSpeechEnded(now + lengthMs, last.utteranceId(), false));
    }

    private void agentSays(String words) {
        if (session.finished()) return;
        callerFinishes(3_000);
        long start = now + 700;
        feed(new DrillEvent.AgentSpeechStarted(start));
        feed(new DrillEvent.AgentSpeechStopped(start + 3_000));
        feed(new DrillEvent.AgentTurn(start + 3_600, start, start + 3_000, words));
    }

    private void hold(long lengthMs) {
        callerFinishes(2_000);
        feed(new DrillEvent.HoldStarted(now + 500));
        feed(new DrillEvent.HoldEnded(now + lengthMs));
    }

    private void feed(DrillEvent event) {
        for (long t = now + 100; t < event.atMs(); t += 100) actions.addAll(session.on(new DrillEvent.Tick(t)));
        actions.addAll(session.on(event));
        now = event.atMs();
    }

    @Test
    void theDemoAgentResolvesAndPasses() {
        feed(new DrillEvent.CallConnected(0));
        agentSays("I am so sorry you were charged twice this month. I understand how frustrating that is.");
        agentSays("Could you tell me the date of the second charge so I can find it?");
        agentSays("Thank you. May I place you on hold for one moment while I check your account?");
        hold(4_000);
        agentSays("Thank you for holding. I can refund the duplicate charge today, or credit it to your next bill. Which would you prefer?");
        agentSays("Done. The refund will reach your account in three to five days. Is there anything else I can help you with?");
        agentSays("Thank you for your patience, and have a good day.");

        Scorecard score = session.record(now).score();
        assertThat(session.outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(score.passed()).as(score.toString()).isTrue();
        assertThat(score.technique(Technique.GATHER_FACTS).has("fact-asked")).isTrue();
        assertThat(score.technique(Technique.OFFER_SOLUTIONS).count("remedy")).isEqualTo(2);
        assertThat(score.technique(Technique.MANAGE_HOLD).has("announced-hold")).isTrue();
    }
}
