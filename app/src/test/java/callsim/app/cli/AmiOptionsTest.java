package callsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import callsim.telephony.asterisk.AmiSettings;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AmiOptionsTest {
    private static final String SECRET = "s3cret-Pa55";
    private static final Map<String, String> ENV = Map.of(AmiOptions.SECRET_VARIABLE, SECRET);

    @TempDir
    Path dir;

    private static AmiOptions parse(String... args) {
        AmiOptions options = new AmiOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    private static AmiSettings settings(Map<String, String> env, String... args) {
        return parse(args).settings(env).orElseThrow();
    }

    @Test
    void withoutAmiThereIsNoLinkAndNoSecretIsNeeded() {
        assertThat(parse().settings(Map.of())).isEmpty();
    }

    @Test
    void hostAloneUsesTheManagerPortAndTheDefaultUser() {
        AmiSettings settings = settings(ENV, "--ami", "pbx.lan");

        assertThat(settings).isEqualTo(new AmiSettings("pbx.lan", AmiSettings.DEFAULT_PORT, "callsim", SECRET));
    }

    @Test
    void hostPortAndUserAreRead() {
        AmiSettings settings = settings(ENV, "--ami", "10.0.0.5:5039", "--ami-user", "drills");

        assertThat(settings.host()).isEqualTo("10.0.0.5");
        assertThat(settings.port()).isEqualTo(5039);
        assertThat(settings.user()).isEqualTo("drills");
    }

    @Test
    void ipv6HostsWorkBareOrInBracketsWithAPort() {
        assertThat(settings(ENV, "--ami", "fd00::5").host()).isEqualTo("fd00::5");
        assertThat(settings(ENV, "--ami", "fd00::5").port()).isEqualTo(AmiSettings.DEFAULT_PORT);
        AmiSettings bracketed = settings(ENV, "--ami", "[fd00::5]:5039");
        assertThat(bracketed.host()).isEqualTo("fd00::5");
        assertThat(bracketed.port()).isEqualTo(5039);
        assertThat(settings(ENV, "--ami", "[fd00::5]").host()).isEqualTo("fd00::5");
    }

    @Test
    void aBadPortIsAnErrorThatSaysSo() {
        assertThatThrownBy(() -> settings(ENV, "--ami", "pbx.lan:manager"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--ami: port must be a number, got 'manager'");
        assertThatThrownBy(() -> settings(ENV, "--ami", "pbx.lan:"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--ami: port must be a number, got ''");
        assertThatThrownBy(() -> settings(ENV, "--ami", "pbx.lan:70000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1-65535");
        assertThatThrownBy(() -> settings(ENV, "--ami", ":5038"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host is empty");
        assertThatThrownBy(() -> settings(ENV, "--ami", "[fd00::5:5039"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[fd00::5:5039");
    }

    @Test
    void theSecretComesFromTheEnvironment() {
        assertThat(settings(ENV, "--ami", "pbx.lan").secret()).isEqualTo(SECRET);
    }

    @Test
    void aSecretFileWinsOverTheEnvironmentAndOnlyItsFirstLineCounts() throws Exception {
        Path file = Files.writeString(dir.resolve("ami-secret"), "  from-file  \nsecond line\n");

        assertThat(settings(ENV, "--ami", "pbx.lan", "--ami-secret-file", file.toString()).secret()).isEqualTo("from-file");
    }

    @Test
    void anEmptyOrMissingSecretFileIsAnError() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        Path missing = dir.resolve("missing");

        assertThatThrownBy(() -> settings(ENV, "--ami", "pbx.lan", "--ami-secret-file", empty.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--ami-secret-file " + empty + " is empty");
        assertThatThrownBy(() -> settings(ENV, "--ami", "pbx.lan", "--ami-secret-file", missing.toString()))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot read --ami-secret-file " + missing);
    }

    @Test
    void withNoSecretAnywhereTheErrorSaysWhereToPutIt() {
        for (Map<String, String> env : java.util.List.of(Map.<String, String>of(), Map.of(AmiOptions.SECRET_VARIABLE, "  "))) {
            assertThatThrownBy(() -> settings(env, "--ami", "pbx.lan"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("$CALLSIM_AMI_SECRET").hasMessageContaining("--ami-secret-file");
        }
    }

    @Test
    void theSecretIsNeverShownWhenTheSettingsArePrinted() {
        AmiSettings settings = settings(ENV, "--ami", "pbx.lan:5038", "--ami-user", "drills");

        assertThat(settings.toString()).isEqualTo("drills@pbx.lan:5038").doesNotContain(SECRET);
    }

    @Test
    void thereIsNoFlagForTheSecretItself() {
        // A secret on the command line would show in ps and the shell history.
        assertThatThrownBy(() -> parse("--ami", "pbx.lan", "--ami-secret", SECRET))
                .isInstanceOf(CommandLine.UnmatchedArgumentException.class);
    }
}
