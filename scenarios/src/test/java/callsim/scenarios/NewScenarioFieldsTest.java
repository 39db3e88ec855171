package callsim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static callsim.scenarios.BrokenYaml.assertBroken;
import static callsim.scenarios.BrokenYaml.doubleChargeYaml;
import static callsim.scenarios.BrokenYaml.lineOf;

import callsim.core.Scenario;
import callsim.core.Technique;
import callsim.core.TechniqueWeights;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The policy, weights, pass mark and persona flags: read when right, reported with file, line and field when wrong. */
class NewScenarioFieldsTest {
    @Test
    void theBuiltInScenarioCarriesItsPolicyWeightsAndPassMark() throws IOException {
        Scenario scenario = ScenarioLoader.parse("double-charge.yaml", doubleChargeYaml());

        assertThat(scenario.forbiddenPromises()).contains("*refund the *whole *year");
        assertThat(scenario.weight(Technique.OFFER_SOLUTIONS)).isEqualTo(12.0);
        assertThat(scenario.weight(Technique.EMPATHISE)).isEqualTo(TechniqueWeights.DEFAULTS.get(Technique.EMPATHISE));
        assertThat(scenario.passMark()).isEqualTo(70);
        assertThat(scenario.persona().abusive()).isFalse();
    }

    @Test
    void leavingOutTheNewFieldsGivesDefaults() throws IOException {
        String yaml = doubleChargeYaml().replaceAll("(?s)policy:.*?passMark: 70\n", "");

        Scenario scenario = ScenarioLoader.parse("double-charge.yaml", yaml);

        assertThat(scenario.forbiddenPromises()).isEmpty();
        assertThat(scenario.weights()).isEqualTo(TechniqueWeights.DEFAULTS);
        assertThat(scenario.passMark()).isEqualTo(Scenario.DEFAULT_PASS_MARK);
    }

    @Test
    void anUnknownTechniqueInWeightsIsReported() throws IOException {
        String yaml = doubleChargeYaml().replace("weights: { T8: 12, T9: 10 }", "weights: { T8: 12, T15: 10 }");

        assertThatThrownBy(() -> ScenarioLoader.parse("double-charge.yaml", yaml))
                .hasMessageStartingWith("double-charge.yaml:" + lineOf(yaml, "T15") + ": field 'weights.T15' is not known here");
    }

    @Test
    void aWeightOutOfRangeIsReported() throws IOException {
        String yaml = doubleChargeYaml().replace("weights: { T8: 12, T9: 10 }", "weights: { T8: 120, T9: 10 }");

        assertBroken(yaml, "double-charge.yaml:" + lineOf(yaml, "T8: 120") + ": field 'weights.T8' must be a number between 0.0 and 100.0");
    }

    @Test
    void aPassMarkOutOfRangeIsReported() throws IOException {
        String yaml = doubleChargeYaml().replace("passMark: 70", "passMark: 170");

        assertBroken(yaml, "double-charge.yaml:" + lineOf(yaml, "passMark: 170") + ": field 'passMark' must be a number between 0 and 100");
    }

    @Test
    void aPolicyWithoutForbiddenPromisesIsReported() throws IOException {
        String yaml = doubleChargeYaml().replace("  forbidden: [", "  forbid: [");

        assertThatThrownBy(() -> ScenarioLoader.parse("double-charge.yaml", yaml))
                .hasMessageStartingWith("double-charge.yaml:" + lineOf(yaml, "forbid: [") + ": field 'policy.forbid' is not known here");
    }

    @Test
    void aForbiddenPromiseThatMatchesAnAllowedRemedyIsReported() throws IOException {
        String yaml = doubleChargeYaml().replace("  forbidden: [", "  forbidden: [\"*refund the *duplicate\", ");

        assertThatThrownBy(() -> ScenarioLoader.parse("double-charge.yaml", yaml))
                .hasMessageStartingWith("double-charge.yaml:" + lineOf(yaml, "forbidden: [") + ": field 'policy.forbidden' has 'refund the duplicate'")
                .hasMessageContaining("allowed remedy 'refund-duplicate'");
    }

    @Test
    void aPersonaFlagMustBeTrueOrFalse() throws IOException {
        String yaml = doubleChargeYaml().replace("  voicePitchHz: 190\n", "  voicePitchHz: 190\n  abusive: sometimes\n");

        assertBroken(yaml, "double-charge.yaml:" + lineOf(yaml, "abusive: sometimes") + ": field 'persona.abusive' must be true or false");
    }

    @Test
    void anAbusivePersonaNeedsAbuseLines() throws IOException {
        String yaml = doubleChargeYaml().replace("  voicePitchHz: 190\n", "  voicePitchHz: 190\n  abusive: true\n");

        assertBroken(yaml, "double-charge.yaml:" + lineOf(yaml, "lines:") + ": field 'lines.abuse' is missing (an abusive persona needs it)");
    }

    @Test
    void anInsistingPersonaNeedsEveryRequiredBandOfDemands() throws IOException {
        String yaml = doubleChargeYaml().replace("  voicePitchHz: 190\n", "  voicePitchHz: 190\n  insistsOnSupervisor: true\n")
                + "  supervisor-demand:\n    furious: [\"a\", \"b\", \"c\", \"d\", \"e\"]\n    angry: [\"a\", \"b\", \"c\", \"d\", \"e\"]\n";

        assertBroken(yaml, "double-charge.yaml:" + lineOf(yaml, "  supervisor-demand:")
                + ": field 'lines.supervisor-demand.frustrated' is missing (with a persona who insists on a supervisor, "
                + "the supervisor-demand pool needs frustrated, angry, furious)");
    }

    @Test
    void everyScenarioNeedsTransferLines() throws IOException {
        String yaml = doubleChargeYaml().replace("  transfer:\n", "  transfers:\n");

        assertThatThrownBy(() -> ScenarioLoader.parse("double-charge.yaml", yaml))
                .hasMessageStartingWith("double-charge.yaml:" + lineOf(yaml, "  transfers:") + ": field 'lines.transfers' is not known here");
    }
}
