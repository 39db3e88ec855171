package callsim.app.cli;

import callsim.app.pipeline.DialPlan;
import callsim.app.pipeline.DrillService;
import callsim.core.Scenario;
import callsim.scenarios.ScenarioLibrary;
import callsim.speech.RecognizerSettings;
import callsim.speech.TurnDetector;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by the commands that run drills. */
final class DrillOptions {
    @Mixin
    ScenarioChoice choice;

    @Option(names = "--end-of-turn-ms", paramLabel = "MS", defaultValue = "700", description = "Agent silence that ends a turn whose words do not already sound finished, 500-800 (default: ${DEFAULT-VALUE}).")
    int endOfTurnMs;

    @Option(names = "--recognizers", paramLabel = "N",
            description = "Speech recognisers to load: how many agents can talk at the same moment (each ~100 MB of heap; default: 4 per core, ${DEFAULT-VALUE} here).")
    int recognizers = RecognizerSettings.defaultPoolSize();

    DrillService.Settings settings() {
        ScenarioLibrary library = ScenarioLibrary.builtIn();
        Scenario scenario = choice.scenario(library);
        if (endOfTurnMs < 500 || endOfTurnMs > 800) {
            throw new IllegalArgumentException("--end-of-turn-ms must be between 500 and 800, not " + endOfTurnMs);
        }
        if (recognizers < 1 || recognizers > 32) {
            throw new IllegalArgumentException("--recognizers must be between 1 and 32, not " + recognizers);
        }
        return new DrillService.Settings(new DialPlan(library, scenario, choice.difficulty()), choice.seed,
                TurnDetector.Settings.defaults().withEndOfTurnSilenceMs(endOfTurnMs));
    }
}
