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

    @Test
    void aRecordingCutOffByACrashIsRepairedAtTheNextStart(@TempDir Path data) throws Exception {
        ReportStore store = new ReportStore(data);
        String id = "20261204-221500-beef";
        FileDrillJournal journal = new FileDrillJournal(new DrillInfo(id, "201", "7000", "sip", Instant.EPOCH),
                store.drillDir(id), Clock.systemUTC());
        for (int i = 0; i < 60; i++) journal.audio(new short[160], new short[160]);  // 1.2 s
        journal.snapshot(ReportJsonTest.sampleRecord(), false);
        // The process dies here (kill -9): the journal is never closed.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> Files.exists(store.drillDir(id).resolve("report.json")));
        assertThat(callsim.speech.WavFile.read(store.drillDir(id).resolve("recording.wav")).durationMs()).isEqualTo(1000);

        assertThat(FileDrillJournal.repairCutOffRecordings(store)).isEqualTo(1);

        assertThat(callsim.speech.WavFile.read(store.drillDir(id).resolve("recording.wav")).durationMs()).isEqualTo(1200);
    }
}
