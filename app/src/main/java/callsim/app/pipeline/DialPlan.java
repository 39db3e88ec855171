package callsim.app.pipeline;

import callsim.core.Difficulty;
import callsim.core.Scenario;
import callsim.scenarios.ScenarioLibrary;
import java.util.Locale;
import java.util.Optional;

/**
 * Which drill a dialled number asks for: {@code sip:warranty-refused@host} plays that scenario at the
 * default difficulty, {@code sip:warranty-refused-hard@host} at that difficulty; any other number
 * (e.g. 7000) plays the server's default scenario and difficulty.
 */
public record DialPlan(ScenarioLibrary library, Scenario defaultScenario, Difficulty defaultDifficulty) {

    public record Choice(Scenario scenario, Difficulty difficulty) {}

    public Choice choose(String dialled) {
        String number = dialled == null ? "" : dialled.trim().toLowerCase(Locale.ROOT);
        Optional<Scenario> exact = find(number);
        if (exact.isPresent()) return new Choice(exact.get(), defaultDifficulty);
        for (Difficulty difficulty : Difficulty.values()) {
            String suffix = "-" + difficulty.jsonName();
            if (number.endsWith(suffix)) {
                Optional<Scenario> scenario = find(number.substring(0, number.length() - suffix.length()));
                if (scenario.isPresent()) return new Choice(scenario.get(), difficulty);
            }
        }
        return new Choice(defaultScenario, defaultDifficulty);
    }

    /**
     * The drill a booking asks for by name (FastAGI's {@code ?scenario=&difficulty=}, an AMI call).
     * Unlike a dialled number, a wrong name is an error, not the default drill.
     *
     * @throws IllegalArgumentException naming the known scenarios or levels
     */
    public Choice require(String scenarioId, String difficulty) {
        Scenario scenario = find(scenarioId.trim().toLowerCase(Locale.ROOT)).orElseThrow(() -> new IllegalArgumentException(
                "unknown scenario '" + scenarioId + "' (known: " + String.join(", ", library.all().stream().map(Scenario::id).toList()) + ")"));
        return new Choice(scenario, difficulty == null || difficulty.isBlank() ? defaultDifficulty : Difficulty.parse(difficulty));
    }

    private Optional<Scenario> find(String id) {
        return library.all().stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
