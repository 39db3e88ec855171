package callsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM to a process logging like serve: the lines its shutdown hook logs are written (issue 15, finding 15). */
class ShutdownLoggingTest {
    @Test
    void linesLoggedWhileStoppingOnSigtermAreWritten(@TempDir Path dir) throws Exception {
        Path stderr = dir.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ShutdownLoggingProbe.class.getName())
                .redirectError(stderr.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("ready");

            process.destroy(); // SIGTERM, as systemd or Ctrl-C would stop serve

            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("the probe stopped").isTrue();
            List<String> lines = Files.readAllLines(stderr);
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("probe started"));
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("INFO").contains("probe stopping: drills stored"));
        } finally {
            process.destroyForcibly();
        }
    }
}
