package callsim.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A drill's recording and transcript are personal data: nobody but callsim's user reads them (issue 15, finding 12). */
class FileDrillJournalTest {
    @Test
    void aDrillDirectoryIsOwnerOnlyAndEveryFileInItToo(@TempDir Path data) throws Exception {
        ReportStore store = new ReportStore(data);
        Path dir = store.drillDir("20261204-220000-abcd");
        FileDrillJournal journal = new FileDrillJournal(new DrillInfo("20261204-220000-abcd", "201", "7000", "sip", Instant.EPOCH),
                dir, Clock.systemUTC());
        journal.audio(new short[160], new short[160]);
        journal.close(ReportJsonTest.sampleRecord());
        assertThat(journal.awaitWritten(10, TimeUnit.SECONDS)).isTrue();

        assertThat(permissions(data.resolve("drills"))).isEqualTo("rwx------");
        assertThat(permissions(dir)).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).extracting(Path::getFileName).extracting(Path::toString)
                    .containsExactlyInAnyOrder("events.jsonl", "recording.wav", "report.json");
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(file -> assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------"));
        }
    }

    private static String permissions(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
