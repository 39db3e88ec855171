package callsim.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.scenarios.ScenarioLibrary;
import callsim.speech.CallerVoice;
import callsim.speech.TurnDetector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up warm-up goes through a real drill's path and leaves nothing behind. */
class CallPathWarmUpTest {

    @Test
    void theVirtualDrillGoesThroughACallsTurnsAndLeavesNoFiles(@TempDir Path scratch) throws Exception {
        CallPathWarmUp.Result result = CallPathWarmUp.run(CallerVoice.load(), ScenarioLibrary.builtIn().defaultScenario(),
                TurnDetector.Settings.defaults(), scratch);

        // the first call's ticks meet nothing new: caller lines, agent speech and turns, a hold, the hang-up
        assertThat(result.eventKinds()).contains("CallConnected", "CallerSpeechStarted", "CallerSpeechEnded",
                "AgentSpeechStarted", "AgentSpeechStopped", "AgentTurn", "HoldStarted", "HoldEnded", "Tick", "AgentHungUp");
        assertThat(result.mediaMs()).isLessThan(CallPathWarmUp.MAX_MEDIA_MS);  // it ended as scripted, not by the cap
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).as("no journal, recording or report left behind").isEmpty();
        }
    }
}
