package callsim.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.core.Difficulty;
import callsim.core.DrillRecord;
import callsim.core.Outcome;
import callsim.core.Scenario;
import callsim.core.Technique;
import callsim.scenarios.ScenarioLibrary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in scenario at every difficulty, on the same engine the phone path runs: an agent who
 * follows docs/rubric.md resolves the drill and passes; poor agents fail.
 */
class ScenarioValidityTest {
    private static final long SEED = 11;

    static Stream<Arguments> scenariosAndDifficulties() {
        List<Arguments> cases = new ArrayList<>();
        for (Scenario scenario : ScenarioLibrary.builtIn().all()) {
            for (Difficulty difficulty : Difficulty.values()) cases.add(Arguments.of(scenario.id(), difficulty));
        }
        return cases.stream();
    }

    static DrillRecord play(String scenarioId, Difficulty difficulty, List<String> script) {
        TextDrill drill = new TextDrill(ScenarioLibrary.builtIn().get(scenarioId), difficulty, SEED);
        new ChatConsole(drill, new PrintWriter(new StringWriter())).script(DrillScript.parse(scenarioId, script));
        return drill.record();
    }

    static List<String> model(String scenarioId) {
        return List.of(ScriptedTextDrill.resource("model/" + scenarioId + ".txt").split("\n"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scenariosAndDifficulties")
    void aModelAgentResolvesAndPasses(String scenarioId, Difficulty difficulty) {
        DrillRecord record = play(scenarioId, difficulty, model(scenarioId));
        System.out.printf("[validity] %-20s %-6s model %3d %s%n", scenarioId, difficulty.jsonName(),
                record.score().total(), record.outcome().jsonName());
        // A caller who insists on a supervisor may still accept what the agent can do before the transfer.
        List<Outcome> good = ScenarioLibrary.builtIn().get(scenarioId).persona().insistsOnSupervisor()
                ? List.of(Outcome.ESCALATED, Outcome.RESOLVED) : List.of(Outcome.RESOLVED);
        assertThat(record.outcome()).as("outcome, advice %s", record.score().advice()).isIn(good);
        assertThat(record.score().passed()).as("score %s, advice %s", record.score().total(), record.score().advice()).isTrue();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scenariosAndDifficulties")
    void poorAgentsFail(String scenarioId, Difficulty difficulty) {
        for (String poor : List.of("interrupting", "calm-down", "long-unannounced-hold")) {
            DrillRecord record = play(scenarioId, difficulty, List.of(ScriptedTextDrill.resource("poor/" + poor + ".txt").split("\n")));
            System.out.printf("[validity] %-20s %-6s %-21s %3d %s%n", scenarioId, difficulty.jsonName(), poor,
                    record.score().total(), record.outcome().jsonName());
            assertThat(record.score().passed()).as("%s passed with %s", poor, record.score().total()).isFalse();
            assertThat(record.outcome()).as(poor).isNotEqualTo(Outcome.RESOLVED);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scenariosAndDifficulties")
    void neverApologisingFails(String scenarioId, Difficulty difficulty) {
        List<String> script = model(scenarioId).stream().filter(line -> !line.toLowerCase().contains("sorry")).toList();
        DrillRecord record = play(scenarioId, difficulty, script);
        System.out.printf("[validity] %-20s %-6s %-21s %3d %s%n", scenarioId, difficulty.jsonName(), "never-apologising",
                record.score().total(), record.outcome().jsonName());
        assertThat(record.score().passed()).as("score %s", record.score().total()).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scenariosAndDifficulties")
    void promisingWhatThePolicyForbidsFails(String scenarioId, Difficulty difficulty) {
        Scenario scenario = ScenarioLibrary.builtIn().get(scenarioId);
        if (scenario.forbiddenPromises().isEmpty()) return;  // this scenario's policy sets no limit to break
        String promise = scenario.forbiddenPromises().get(0).replace("*", "");
        List<String> script = new ArrayList<>(model(scenarioId));
        script.add(script.indexOf("/hold 20") + 1, promise + ".");
        DrillRecord record = play(scenarioId, difficulty, script);
        System.out.printf("[validity] %-20s %-6s %-21s %3d %s%n", scenarioId, difficulty.jsonName(), "forbidden-promise",
                record.score().total(), record.outcome().jsonName());
        assertThat(record.score().passed()).as("promised \"%s\", score %s", promise, record.score().total()).isFalse();
    }

    static Stream<Arguments> scenarios() {
        return ScenarioLibrary.builtIn().all().stream().map(scenario -> Arguments.of(scenario.id()));
    }

    /**
     * Leaving out one technique's line from the model script lowers that technique's score and the
     * total: the restatement (T4), the apology with empathy (T3, T5), the fact question (T6), the hold
     * request before the hold (T7).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void leavingOutATechniqueCostsItsScoreAndTheTotal(String scenarioId) {
        List<String> model = model(scenarioId);
        DrillRecord full = play(scenarioId, Difficulty.NORMAL, model);
        List<Object[]> removals = List.of(
                new Object[] {"so ", new Technique[] {Technique.REPEAT_THE_PROBLEM}},
                new Object[] {"sorry", new Technique[] {Technique.EMPATHISE, Technique.APOLOGISE_SPECIFICALLY}},
                new Object[] {"could you tell me", new Technique[] {Technique.GATHER_FACTS}},
                new Object[] {"on hold", new Technique[] {Technique.MANAGE_HOLD}});
        for (Object[] removal : removals) {
            String cue = (String) removal[0];
            List<String> without = model.stream().filter(line -> !line.toLowerCase().startsWith(cue)
                    && !(cue.length() > 3 && line.toLowerCase().contains(cue))).toList();
            if (without.size() == model.size()) continue;  // this scenario's model script has no such line
            DrillRecord less = play(scenarioId, Difficulty.NORMAL, without);
            for (Technique technique : (Technique[]) removal[1]) {
                assertThat(less.score().technique(technique).score())
                        .as("%s without \"%s\"", technique, cue)
                        .isLessThan(full.score().technique(technique).score());
            }
            assertThat(less.score().total()).as("total without \"%s\"", cue).isLessThan(full.score().total());
        }
    }
}
