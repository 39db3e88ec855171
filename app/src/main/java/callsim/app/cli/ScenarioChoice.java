package callsim.app.cli;

import callsim.core.Difficulty;
import callsim.core.Scenario;
import callsim.scenarios.ScenarioLibrary;
import picocli.CommandLine.Option;

/** {@code --scenario}, {@code --difficulty} and {@code --seed}: which drill to play, for phone and text alike. */
final class ScenarioChoice {
    @Option(names = "--scenario", paramLabel = "ID", description = "Scenario to play (default: the library's default; see `callsim scenarios`).")
    String scenarioId;

    @Option(names = "--difficulty", paramLabel = "LEVEL", defaultValue = "normal", description = "easy, normal or hard (default: ${DEFAULT-VALUE}).")
    String difficulty;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for the caller's choices (default: a new one per drill, kept in the report).")
    Long seed;

    Scenario scenario(ScenarioLibrary library) {
        return scenarioId == null ? library.defaultScenario() : library.get(scenarioId);
    }

    Difficulty difficulty() {
        return Difficulty.parse(difficulty);
    }
}
