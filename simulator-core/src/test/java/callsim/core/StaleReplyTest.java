package callsim.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The session never answers a turn the agent has already moved on from, however late its words are
 * recognised (a busy recogniser): the events are fed as a slow phone pipeline would send them.
 */
class StaleReplyTest {
    private final DrillSession session = new DrillSession(TestScenarios.doubleCharge(), Difficulty.NORMAL, 3);
    private final List<CallerAction> actions = new ArrayList<>();

    private List<CallerAction> feed(DrillEvent event) {
        List<CallerAction> now = session.on(event);
        actions.addAll(now);
        return now;
    }

    private void openingPlayed() {
        feed(new DrillEvent.CallConnected(0));
        feed(new DrillEvent.CallerSpeechStarted(200, 1, 3_000));
        feed(new DrillEvent.CallerSpeechEnded(3_200, 1, false));
    }

    @Test
    void aHoldRequestRecognisedOnlyAfterTheHoldIsNotAnsweredWithSureIllHold() {
        openingPlayed();
        feed(new DrillEvent.AgentSpeechStarted(4_000));
        feed(new DrillEvent.AgentSpeechStopped(6_000));
        feed(new DrillEvent.HoldStarted(6_300));
        feed(new DrillEvent.HoldEnded(20_000));
        feed(new DrillEvent.AgentTurn(20_100, 4_000, 6_000, "May I put you on hold for a minute while I check your billing"));
        List.copyOf(actions).stream().filter(a -> a instanceof CallerAction.Speak s && s.utteranceId() > 1)
                .forEach(line -> feedPlayed((CallerAction.Speak) line, 20_200));

        assertThat(spoken()).noneMatch(text -> text.startsWith("[hold-asked"));
    }

    @Test
    void aTurnRecognisedWhileTheAgentIsAlreadyInTheirNextTurnIsNotAnswered() {
        openingPlayed();
        feed(new DrillEvent.AgentSpeechStarted(4_000));
        feed(new DrillEvent.AgentSpeechStopped(6_000));
        feed(new DrillEvent.AgentSpeechStarted(7_000));   // the agent goes on before the first turn's words are known
        feed(new DrillEvent.AgentSpeechStopped(7_500));   // a breath in the middle of the second turn

        List<CallerAction> reply = feed(new DrillEvent.AgentTurn(7_600, 4_000, 6_000, "I understand how frustrating this is"));

        assertThat(reply).as("no reply to the first turn in the agent's pause").isEmpty();
        feed(new DrillEvent.AgentSpeechStarted(7_800));
        feed(new DrillEvent.AgentSpeechStopped(9_000));
        assertThat(feed(new DrillEvent.AgentTurn(9_700, 7_000, 9_000, "can I have your account number please")))
                .as("the second turn is answered").anyMatch(a -> a instanceof CallerAction.Speak s && s.text().contains("4 4 7"));
    }

    private void feedPlayed(CallerAction.Speak line, long atMs) {
        feed(new DrillEvent.CallerSpeechStarted(atMs, line.utteranceId(), 2_000));
        for (CallerAction next : feed(new DrillEvent.CallerSpeechEnded(atMs + 2_000, line.utteranceId(), false))) {
            if (next instanceof CallerAction.Speak queued) feedPlayed(queued, atMs + 2_100);
        }
    }

    private List<String> spoken() {
        return actions.stream().filter(a -> a instanceof CallerAction.Speak).map(a -> ((CallerAction.Speak) a).text()).toList();
    }
}
