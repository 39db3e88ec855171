package callsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code callsim transcribe}: bad files are reported before any speech model loads. */
class TranscribeCommandTest {
    @TempDir
    Path dir;

    @Test
    void missingAndUnreadableFilesAreNamedAndNoRecogniserIsLoaded() throws Exception {
        Path notAudio = Files.writeString(dir.resolve("notes.wav"), "these are not samples");
        Path missing = dir.resolve("agent-lnie.wav");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new TranscribeCommand()).execute(missing.toString(), notAudio.toString());
        } finally {
            System.setErr(original);
        }

        String said = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(1);
        assertThat(said).contains(missing + ": no such file").contains(notAudio + ": ");
        assertThat(said).doesNotContain("loading the speech recogniser");
    }

    @Test
    void theLanguageModelSwitchesExcludeEachOther() {
        int exit = new CommandLine(new TranscribeCommand()).setErr(new java.io.PrintWriter(new java.io.StringWriter()))
            .execute("--domain", "--generic", "x.wav");

        assertThat(exit).isEqualTo(2);
    }
}
