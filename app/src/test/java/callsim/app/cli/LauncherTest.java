package callsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./callsim} launcher rebuilding while a serve runs from it (issue 15): the running serve's jar
 * is never rewritten. Maven and java are stand-ins: the build writes the jar in place, "java" holds the
 * jar it was given open, like a running JVM.
 */
class LauncherTest {
    @Test
    void aRebuildWhileServeRunsLeavesTheRunningJarUntouched(@TempDir Path home) throws Exception {
        Files.copy(repositoryRoot().resolve("callsim"), home.resolve("callsim"));
        script(home.resolve("mvnw"), "mkdir -p \"$(dirname \"$0\")/app/target\"\n"
                + "n=$(cat \"$(dirname \"$0\")/builds\" 2>/dev/null || echo 0); n=$((n+1)); echo $n > \"$(dirname \"$0\")/builds\"\n"
                + "printf 'build %s' $n > \"$(dirname \"$0\")/app/target/callsim.jar\"\n");  // in place, as a jar plugin may
        Files.createDirectories(home.resolve("bin"));
        script(home.resolve("bin/java"), "while [ \"$1\" != -jar ]; do shift; done\n"
                + "exec 3<\"$2\"\necho running\nsleep 30\n");
        Path source = Files.createDirectories(home.resolve("app/src/main/java")).resolve("Main.java");
        Files.writeString(source, "class Main {}");

        Process serve = launch(home);
        try {
            assertThat(new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8)).readLine())
                    .isEqualTo("running");
            Path runningJar = Path.of("/proc/" + serve.pid() + "/fd/3");
            assertThat(Files.readString(runningJar)).isEqualTo("build 1");

            Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(60)));  // the sources changed
            Process second = launch(home);
            try {
                assertThat(new BufferedReader(new InputStreamReader(second.getInputStream(), StandardCharsets.UTF_8)).readLine())
                        .isEqualTo("running");
                assertThat(Files.readString(Path.of("/proc/" + second.pid() + "/fd/3"))).isEqualTo("build 2");
            } finally {
                second.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }

            assertThat(Files.readString(runningJar)).as("the jar the running serve opened").isEqualTo("build 1");
        } finally {
            serve.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static Process launch(Path home) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("callsim").toString(), "serve")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PATH", home.resolve("bin") + ":" + System.getenv("PATH"));
        return builder.start();
    }

    private static void script(Path file, String body) throws Exception {
        Files.writeString(file, "#!/usr/bin/env bash\nset -e\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("callsim")) && Files.exists(dir.resolve("mvnw"))) return dir;
        }
        throw new AssertionError("no callsim launcher above " + Path.of("").toAbsolutePath());
    }
}
