package callsim.review.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import callsim.review.store.DrillCopier.Liveness;
import callsim.core.Difficulty;
import callsim.core.Outcome;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the review UI reads, against whichever database the subclass opens. */
abstract class JdbcDrillStoreContract extends StoreTestBase {
    static final Instant NOW = Instant.parse("2026-02-01T10:00:00Z");
    JdbcDrillStore store;
    DrillCopier copier;

    @BeforeEach
    void store() {
        store = new JdbcDrillStore(db, Clock.fixed(NOW, ZoneOffset.UTC));
        copier = new DrillCopier(db.dataSource(), data.resolve("drills"), Clock.systemUTC());
    }

    void add(String id, String agent, String scenario, Difficulty difficulty, String day, Outcome outcome, int score,
             boolean complete) throws Exception {
        DrillFiles.report(data, id, agent, scenario, difficulty, Instant.parse(day + "T09:00:00Z"), complete, outcome, score);
        copier.copy(id, Liveness.ENDED);
    }

    void addSix() throws Exception {
        add("d1", "Alice Smith <201>", "double-charge", Difficulty.NORMAL, "2026-01-01", Outcome.RESOLVED, 80, true);
        add("d2", "PJSIP/202-00000001", "double-charge", Difficulty.HARD, "2026-01-02", Outcome.CALLER_HUNG_UP, 30, true);
        add("d3", "sip:201@10.0.0.5", "late-delivery", Difficulty.EASY, "2026-01-03", Outcome.ESCALATED, 65, true);
        add("d4", "Bob <203>", "late-delivery", Difficulty.NORMAL, "2026-01-04", Outcome.IN_PROGRESS, 50, false);
        add("d5", "alice_x <204>", "double-charge", Difficulty.NORMAL, "2026-01-05", Outcome.RESOLVED, 90, true);
        add("d6", "Alice Xavier <205>", "double-charge", Difficulty.NORMAL, "2026-01-06", Outcome.RESOLVED, 75, true);
    }

    List<String> ids(DrillFilter filter) {
        return store.list(filter, 0, 100).items().stream().map(DrillRow::id).toList();
    }

    static DrillFilter filter(Optional<String> agent, Optional<String> scenario, Optional<String> difficulty, Optional<String> outcome) {
        return new DrillFilter(agent, scenario, difficulty, outcome, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    @Test
    void listsNewestFirstThroughEveryFilter() throws Exception {
        addSix();
        Optional<String> none = Optional.empty();
        assertThat(ids(DrillFilter.all())).containsExactly("d6", "d5", "d4", "d3", "d2", "d1");
        assertThat(ids(filter(Optional.of("ALICE"), none, none, none))).containsExactly("d6", "d5", "d1");
        assertThat(ids(filter(Optional.of("e_x"), none, none, none))).as("_ is a character, not a wildcard").containsExactly("d5");
        assertThat(ids(filter(Optional.of("100%"), none, none, none))).isEmpty();
        assertThat(ids(filter(none, Optional.of("late-delivery"), none, none))).containsExactly("d4", "d3");
        assertThat(ids(filter(none, none, Optional.of("HARD"), none))).containsExactly("d2");
        assertThat(ids(filter(none, none, none, Optional.of("escalated")))).containsExactly("d3");
        assertThat(ids(new DrillFilter(none, none, none, none, Optional.of(Instant.parse("2026-01-02T00:00:00Z")),
                Optional.of(Instant.parse("2026-01-04T09:00:00Z")), Optional.empty(), Optional.empty(), Optional.empty())))
                .as("from inclusive, to exclusive").containsExactly("d3", "d2");
        assertThat(ids(new DrillFilter(none, none, none, none, Optional.empty(), Optional.empty(), Optional.of(50), Optional.of(75),
                Optional.empty()))).containsExactly("d6", "d4", "d3");
        assertThat(ids(DrillFilter.all().onlyAgents(Set.of("201")))).containsExactly("d3", "d1");
        assertThat(ids(DrillFilter.all().onlyAgents(Set.of("202", "205")))).containsExactly("d6", "d2");
        assertThat(ids(DrillFilter.all().onlyAgents(Set.of()))).isEmpty();
        assertThat(ids(filter(none, Optional.of("double-charge"), none, none).onlyAgents(Set.of("201")))).containsExactly("d1");
    }

    @Test
    void pagesCountEveryMatch() throws Exception {
        addSix();
        Page<DrillRow> first = store.list(DrillFilter.all(), 0, 4);
        assertThat(first.items()).extracting(DrillRow::id).containsExactly("d6", "d5", "d4", "d3");
        assertThat(first.total()).isEqualTo(6);
        Page<DrillRow> second = store.list(DrillFilter.all(), 1, 4);
        assertThat(second.items()).extracting(DrillRow::id).containsExactly("d2", "d1");
        assertThat(second.total()).isEqualTo(6);
        assertThat(store.list(DrillFilter.all(), 5, 4).items()).isEmpty();
        assertThat(store.list(filter(Optional.of("alice"), Optional.empty(), Optional.empty(), Optional.empty()), 0, 2).total()).isEqualTo(3);
        assertThatThrownBy(() -> store.list(DrillFilter.all(), -1, 10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page");
        assertThatThrownBy(() -> store.list(DrillFilter.all(), 0, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size");
    }

    @Test
    void rowsAndReportsAreWhatTheDrillReported() throws Exception {
        addSix();
        DrillRow d1 = store.row("d1").orElseThrow();
        assertThat(d1.agent()).isEqualTo("Alice Smith <201>");
        assertThat(d1.agentKey()).contains("201");
        assertThat(d1.scenario()).isEqualTo("double-charge");
        assertThat(d1.difficulty()).isEqualTo("normal");
        assertThat(d1.startedAt()).isEqualTo(Instant.parse("2026-01-01T09:00:00Z"));
        assertThat(d1.endedAt()).contains(Instant.parse("2026-01-01T09:01:00Z"));
        assertThat(d1.status()).isEqualTo(DrillStatus.COMPLETE);
        assertThat(d1.outcome()).contains("resolved");
        assertThat(d1.scoreTotal()).contains(80);
        assertThat(d1.passed()).contains(true);
        DrillRow d4 = store.row("d4").orElseThrow();
        assertThat(d4.status()).as("an incomplete report of a drill no longer running").isEqualTo(DrillStatus.PARTIAL);
        assertThat(d4.endedAt()).isEmpty();
        assertThat(d4.passed()).contains(false);
        assertThat(store.report("d2").orElseThrow())
                .isEqualTo(callsim.review.report.ReportMapper.read(data.resolve("drills/d2/report.json")));
        assertThat(store.row("nope")).isEmpty();
        assertThat(store.report("nope")).isEmpty();
    }

    @Test
    void aPhoneDrillsRowSaysWhetherItsPostCallPassIsPendingDoneOrFailed() throws Exception {
        add("d1", "Alice Smith <201>", "double-charge", Difficulty.NORMAL, "2026-01-01", Outcome.RESOLVED, 80, true);
        assertThat(store.row("d1").orElseThrow().postCall()).as("a text drill has no pass").isEmpty();
        var reportFile = data.resolve("drills/d1/report.json");
        var report = callsim.review.report.ReportMapper.read(reportFile);

        Files.write(reportFile, callsim.review.report.ReportMapper.bytes(
                report.withPostCall(callsim.review.report.DrillReport.PostCall.pending(report.score()))));
        copier.copy("d1", Liveness.ENDED);
        DrillRow pending = store.row("d1").orElseThrow();
        assertThat(pending.postCall()).contains("pending");
        assertThat(pending.scoreProvisional()).isTrue();
        assertThat(store.list(filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), 0, 10).items())
                .singleElement().extracting(DrillRow::scoreProvisional).isEqualTo(true);

        Files.write(reportFile, callsim.review.report.ReportMapper.bytes(
                report.withPostCall(callsim.review.report.DrillReport.PostCall.failed("no recording", report.score()))));
        copier.copy("d1", Liveness.ENDED);
        DrillRow failed = store.row("d1").orElseThrow();
        assertThat(failed.postCall()).contains("failed");
        assertThat(failed.scoreProvisional()).isFalse();
        assertThat(failed.scoredLiveOnly()).isTrue();
    }

    @Test
    void theRecordingIsTheFilesPcmAsAStereoWav() throws Exception {
        TestDrill drill = new TestDrill(data, "20260201-100000-00aa", "PJSIP/201", NOW, "double-charge", Difficulty.NORMAL);
        drill.exchange(0, 60).exchange(1, 60).exchange(2, 60).finish(Outcome.RESOLVED, 80);
        copier.copy(drill.id(), Liveness.ENDED);

        byte[] file = Files.readAllBytes(drill.dir().resolve("recording.wav"));
        byte[] wav = store.recordingWav(drill.id()).orElseThrow();
        assertThat(audioChunks(drill.id())).as("stored in 64 KB chunks").isEqualTo(2);
        assertThat(wav.length).isEqualTo(file.length).isEqualTo(44 + drill.pcmBytes());
        assertThat(Arrays.copyOfRange(wav, 44, wav.length)).isEqualTo(Arrays.copyOfRange(file, 44, file.length));
        ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(wav, 0, 4, "US-ASCII")).isEqualTo("RIFF");
        assertThat(header.getInt(4)).isEqualTo(wav.length - 8);
        assertThat(header.getShort(22)).as("channels").isEqualTo((short) 2);
        assertThat(header.getInt(24)).as("sample rate").isEqualTo(8000);
        assertThat(header.getShort(34)).as("bits").isEqualTo((short) 16);
        assertThat(header.getInt(40)).as("data size").isEqualTo(wav.length - 44);

        DrillStore.Recording stream = store.recording(drill.id()).orElseThrow();
        assertThat(stream.length()).isEqualTo(wav.length);
        try (java.io.InputStream in = stream.open()) {
            in.skipNBytes(wav.length - 100L);  // a range read near the end: only the last chunk is fetched
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(file, file.length - 100, file.length));
        }

        DrillFiles.report(data, "silent", "PJSIP/203", "double-charge", Difficulty.EASY, NOW, true, Outcome.RESOLVED, 70);
        copier.copy("silent", Liveness.ENDED);
        assertThat(store.recordingWav("silent").orElseThrow()).hasSize(44);
        assertThat(store.recordingWav("nope")).isEmpty();
    }

    @Test
    void overridesAreValidatedAndKeptWithTheirReason() throws Exception {
        addSix();
        assertThatThrownBy(() -> store.override("nope", "T2", 50, "why", "sup")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no drill 'nope'");
        assertThatThrownBy(() -> store.override("d1", "T9", 50, "why", "sup")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no technique 'T9'").hasMessageContaining("T2, T5");
        assertThatThrownBy(() -> store.override("d1", "T2", 101, "why", "sup")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 to 100");
        assertThatThrownBy(() -> store.override("d1", "T2", -1, "why", "sup")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.override("d1", "T2", 50, "  ", "sup")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason");
        assertThat(store.overrides("d1")).isEmpty();

        ScoreOverride made = store.override("d1", "T2", 95, "  The caller talked over the agent, not the reverse. ", "sup.ann");
        assertThat(made.id()).isPositive();
        assertThat(made.reason()).isEqualTo("The caller talked over the agent, not the reverse.");
        assertThat(made.overriddenAt()).isEqualTo(NOW);
        ScoreOverride second = store.override("d1", "T5", 0, "no apology at all", "sup.bob");
        assertThat(store.overrides("d1")).containsExactly(made, second);
        assertThat(store.overrides("d2")).isEmpty();
        assertThat(store.report("d1").orElseThrow().score().techniques().get(0).score())
                .as("the original score stays in the report").isEqualTo(80);
    }

    @Test
    void anOverrideChangesTheDrillsTotalInRowsListsAndFiltersKeepingTheAutomaticOne() throws Exception {
        addSix();
        store.override("d1", "T5", 0, "no apology at all", "sup");
        DrillRow d1 = store.row("d1").orElseThrow();
        assertThat(d1.scoreTotal()).as("80 - 8 × 100 / 16").contains(30);
        assertThat(d1.passed()).contains(false);
        assertThat(d1.automaticScore()).contains(80);
        assertThat(d1.overridden()).isTrue();
        DrillFilter atLeast75 = new DrillFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(75), Optional.empty(), Optional.empty());
        assertThat(store.list(atLeast75, 0, 10).items()).extracting(DrillRow::id).doesNotContain("d1");

        store.override("d2", "T2", 100, "the caller talked over the agent", "sup");
        DrillRow d2 = store.row("d2").orElseThrow();
        assertThat(d2.scoreTotal()).contains(65);
        assertThat(d2.passed()).as("the caller hung up: still not passed").contains(false);
        copier.copy("d1", Liveness.ENDED);
        assertThat(store.row("d1").orElseThrow().scoreTotal()).as("a later copy keeps it").contains(30);
        assertThat(store.row("d3").orElseThrow().overridden()).isFalse();
    }
}
