package callsim.app.pipeline;

import callsim.core.Difficulty;
import callsim.core.Scenario;
import callsim.scenarios.ScenarioLibrary;
import java.util.Locale;
import java.util.Optional;

/**
 * Which drill a dialled number asks for: {@code sip:warranty-refused@host} plays that scenario at the
 * default difficulty, {@code sip:warranty-refused-hard@host} at that difficulty; any other number
 * (e.g. 7000) plays the server's default scenario and difficulty. A name with letters that is not a
 * scenario (a mistyped {@code sip:warranty-refusd-hard@host}) is refused rather than played as the default.
 */
public record DialPlan(ScenarioLibrary library, Scenario defaultScenario, Difficulty defaultDifficulty) {

    public record Choice(Scenario scenario, Difficulty difficulty) {}

    public Choice choose(String dialled) {
        return named(dialled).orElse(new Choice(defaultScenario, defaultDifficulty));
    }

    /** The drill a dialled name picks ({@code warranty-refused}, {@code warranty-refused-hard}); empty for a plain number. */
    public Optional<Choice> named(String dialled) {
        return pick(normalise(dialled));
    }

    /**
     * Why a dialled number cannot be served: a name with letters that names no scenario (with or without a
     * difficulty suffix). Digits-only numbers (7000) always play the default drill.
     */
    public Optional<String> refusal(String dialled) {
        String number = normalise(dialled);
        if (number.chars().noneMatch(Character::isLetter) || pick(number).isPresent()) return Optional.empty();
        return Optional.of("no scenario '" + dialled + "' (dial a number such as 7000 for the default drill, or one of: "
                + String.join(", ", library.all().stream().map(Scenario::id).toList()) + ")");
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

    /** The scenario (and difficulty) a dialled name picks: {@code id} or {@code id-level}. */
    private Optional<Choice> pick(String number) {
        Optional<Scenario> exact = find(number);
        if (exact.isPresent()) return Optional.of(new Choice(exact.get(), defaultDifficulty));
        for (Difficulty difficulty : Difficulty.values()) {
            String suffix = "-" + difficulty.jsonName();
            if (number.endsWith(suffix)) {
                Optional<Scenario> scenario = find(number.substring(0, number.length() - suffix.length()));
                if (scenario.isPresent()) return Optional.of(new Choice(scenario.get(), difficulty));
            }
        }
        return Optional.empty();
    }

    private static String normalise(String dialled) {
        return dialled == null ? "" : dialled.trim().toLowerCase(Locale.ROOT);
    }

    private Optional<Scenario> find(String id) {
        return library.all().stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
