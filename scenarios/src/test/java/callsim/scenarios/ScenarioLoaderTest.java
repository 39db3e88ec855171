package callsim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static callsim.scenarios.BrokenYaml.assertBroken;
import static callsim.scenarios.BrokenYaml.doubleChargeYaml;
import static callsim.scenarios.BrokenYaml.lineOf;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {
    @Test
    void aHugeFileIsRefusedBeforeItIsParsed(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path huge = dir.resolve("huge.yaml");
        java.nio.file.Files.writeString(huge, "id: huge\ntitle: " + "x".repeat(10 * 1024 * 1024) + "\n");
        long started = System.nanoTime();

        assertThatThrownBy(() -> ScenarioLoader.load(huge)).isInstanceOf(ScenarioFormatException.class)
                .hasMessageContaining("huge.yaml").hasMessageContaining("a scenario file is at most 256 KB");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(2));
    }

    @Test
    void anOutOfRangeNumberIsReportedWithFileLineAndField() throws IOException {
        String yaml = doubleChargeYaml().replace("voicePitchHz: 190", "voicePitchHz: 500");

        assertBroken(yaml, "double-charge.yaml:" + lineOf(yaml, "voicePitchHz")
                + ": field 'persona.voicePitchHz' must be a number between 60 and 300");
    }

    @Test
    void aWordWhereANumberBelongsIsReported() throws IOException {
        String yaml = doubleChargeYaml().replace("volatility: 1.4", "volatility: high");

        assertBroken(yaml, "double-charge.yaml:" + lineOf(yaml, "volatility: high")
                + ": field 'difficulty.hard.volatility' must be a number between 0.1 and 3.0");
    }

    @Test
    void aMissingFieldIsReportedAtItsParent() throws IOException {
        String yaml = doubleChargeYaml().replace("  name: Dana Whitfield\n", "");

        assertBroken(yaml, "double-charge.yaml:" + lineOf(yaml, "persona:") + ": field 'persona.name' is missing");
    }

    @Test
    void aMisspeltFieldIsNotIgnored() throws IOException {
        String yaml = doubleChargeYaml().replace("  - id: amount\n    askedBy:", "  - id: amount\n    askedby:");

        assertThatThrownBy(() -> ScenarioLoader.parse("double-charge.yaml", yaml))
                .hasMessageStartingWith("double-charge.yaml:" + lineOf(yaml, "askedby:") + ": field 'facts[3].askedby' is not known here");
    }

    @Test
    void aMissingRequiredBandIsReported() throws IOException {
        String yaml = doubleChargeYaml().replace("  closing:\n    satisfied:", "  closing:\n    frustrated:");

        assertBroken(yaml, "double-charge.yaml:" + lineOf(yaml, "  closing:")
                + ": field 'lines.closing.satisfied' is missing (every closing pool needs satisfied, calming)");
    }

    @Test
    void anUnknownBandIsReported() throws IOException {
        String yaml = doubleChargeYaml().replace("  closing:\n    satisfied:", "  closing:\n    happy:");

        assertThatThrownBy(() -> ScenarioLoader.parse("double-charge.yaml", yaml))
                .hasMessageStartingWith("double-charge.yaml:" + lineOf(yaml, "happy:") + ": field 'lines.closing.happy' is not known here");
    }

    @Test
    void aTextWhereAListBelongsIsReported() throws IOException {
        String yaml = doubleChargeYaml().replace("agentPhrases:\n", "agentPhrases: >\n");

        assertBroken(yaml, "double-charge.yaml:" + lineOf(yaml, "agentPhrases: >")
                + ": field 'agentPhrases' must be a non-empty list");
    }

    @Test
    void aYamlSyntaxErrorIsReportedWithItsLine() throws URISyntaxException {
        Path file = Path.of(ScenarioLoaderTest.class.getResource("/broken/bad-syntax.yaml").toURI());

        assertThatThrownBy(() -> ScenarioLoader.load(file))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessageStartingWith("bad-syntax.yaml:")
                .hasMessageContaining("is not valid YAML");
    }

    @Test
    void anEmptyFileIsReported() {
        assertBroken("", "double-charge.yaml:1: is empty");
    }

    @Test
    void theErrorCarriesItsParts() throws IOException {
        String yaml = doubleChargeYaml().replace("startingAnger: 72", "startingAnger: 140");

        ScenarioFormatException error = (ScenarioFormatException) org.assertj.core.api.Assertions.catchThrowable(
                () -> ScenarioLoader.parse("double-charge.yaml", yaml));

        assertThat(error.source()).isEqualTo("double-charge.yaml");
        assertThat(error.line()).isEqualTo(lineOf(yaml, "startingAnger: 140"));
        assertThat(error.field()).isEqualTo("difficulty.normal.startingAnger");
    }
}
