package callsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** First-run errors of {@code transcribe}: bad inputs are reported before any speech model loads (issue 15). */
class TranscribeCommandTest {
    @Test
    void missingAndBrokenFilesAreReportedAtOnceWithoutLoadingTheRecogniser(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.wav"), "not a wav file");
        Path missing = dir.resolve("missing.wav");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        long started = System.nanoTime();
        int code;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            code = new CommandLine(new TranscribeCommand()).execute(missing.toString(), broken.toString());
        } finally {
            System.setErr(originalErr);
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no recogniser was loaded").isLessThan(Duration.ofSeconds(5));
        assertThat(code).isEqualTo(1);
        String lines = err.toString(StandardCharsets.UTF_8);
        assertThat(lines).contains(missing + ": no such file").contains(broken.toString() + ":").doesNotContain("loading");
    }
}
