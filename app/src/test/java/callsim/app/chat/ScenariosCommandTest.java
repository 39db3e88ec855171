package callsim.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.app.cli.Main;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code callsim scenarios} lists the library and validates scenario files (next to the chat that plays them). */
class ScenariosCommandTest {
    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    static String builtInYaml() throws Exception {
        try (InputStream in = ScenariosCommandTest.class.getResourceAsStream("/scenarios/double-charge.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void listsOneScenarioPerLineIdFirst() {
        assertThat(run("scenarios")).isZero();

        assertThat(out.toString().lines()).isNotEmpty()
                .allSatisfy(line -> assertThat(line).matches("[a-z0-9-]+\\t.+"))
                .anySatisfy(line -> assertThat(line).startsWith("double-charge\t"));
    }

    @Test
    void aGoodFileValidates() throws Exception {
        Path file = Files.writeString(dir.resolve("mine.yaml"), builtInYaml());

        assertThat(run("scenarios", "validate", file.toString())).isZero();
        assertThat(out.toString()).contains("ok").contains("double-charge");
    }

    @Test
    void aBadFieldIsReportedByFileLineAndFieldWithAFailingExit() throws Exception {
        String yaml = builtInYaml();
        Path file = Files.writeString(dir.resolve("broken.yaml"), yaml.replace("voicePitchHz: 190", "voicePitchHz: loud"));
        long line = yaml.substring(0, yaml.indexOf("voicePitchHz: 190")).lines().count();

        assertThat(run("scenarios", "validate", file.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("broken.yaml:" + line + ": field 'persona.voicePitchHz'");
    }

    @Test
    void aMissingFileFails() {
        assertThat(run("scenarios", "validate", dir.resolve("absent.yaml").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("absent.yaml: no such file");
    }
}
