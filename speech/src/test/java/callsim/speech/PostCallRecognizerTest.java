package callsim.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The post-call pass's recogniser on a drill-like stereo recording: agent turns spoken by flite on the right channel. */
class PostCallRecognizerTest {
    private static final String APOLOGY = "I am so sorry you were charged twice";
    private static final String QUESTION = "can I have your account number please";
    private static PostCallRecognizer recognizer;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        Assumptions.assumeTrue(SyntheticPhoneSpeech.fliteAvailable(), "flite is needed to make the agent's speech");
        recognizer = new PostCallRecognizer(RecognizerSettings.defaults().withPoolSize(1).withSetup(RecognizerSetup.ACCURATE));
    }

    @AfterAll
    static void close() {
        if (recognizer != null) recognizer.close();
    }

    /** A recording of 0.8 s silence, then each line on the agent's channel followed by 1 s of silence; the spans it spoke. */
    private List<PostCallRecognizer.Span> record(Path wav, String... lines) throws Exception {
        return record(wav, false, lines);
    }

    /** As {@link #record(Path, String...)}, spoken by flite rms or, with {@code espeak}, espeak-ng. */
    private List<PostCallRecognizer.Span> record(Path wav, boolean espeak, String... lines) throws Exception {
        List<PostCallRecognizer.Span> spans = new ArrayList<>();
        try (StereoWavWriter writer = StereoWavWriter.open(wav, 8000)) {
            long ms = silence(writer, 800);
            for (String line : lines) {
                short[] speech = SyntheticPhoneSpeech.phoneLine(espeak ? SyntheticPhoneSpeech.espeak(line, dir)
                        : SyntheticPhoneSpeech.flite(line, "rms", dir)).samples();
                writer.append(new short[speech.length], speech);
                spans.add(new PostCallRecognizer.Span(ms, ms + speech.length / 8));
                ms += speech.length / 8 + silence(writer, 1000);
            }
        }
        return spans;
    }

    private static long silence(StereoWavWriter writer, int ms) throws IOException {
        writer.append(new short[ms * 8], new short[ms * 8]);
        return ms;
    }

    @Test
    void hearsEachTurnOfTheAgentsChannelAndTheSameRecordingTwiceTheSameWay() throws Exception {
        Path drill = dir.resolve("drill.wav");
        List<PostCallRecognizer.Span> turns = record(drill, APOLOGY, QUESTION);
        Path other = dir.resolve("other.wav");
        List<PostCallRecognizer.Span> otherTurns = record(other, "let me check that for you");

        int[] beforeTurn = {0};
        int[] duringTurn = {0};
        List<String> first = recognizer.transcribe(StereoWavWriter.readChannel(drill, StereoWavWriter.RIGHT), turns,
                new PostCallRecognizer.TurnGate() {
                    @Override
                    public void beforeTurn() {
                        beforeTurn[0]++;
                    }

                    @Override
                    public void duringTurn() {
                        duringTurn[0]++;
                    }
                });
        recognizer.transcribe(StereoWavWriter.readChannel(other, StereoWavWriter.RIGHT), otherTurns, PostCallRecognizer.TurnGate.OPEN);
        List<String> again = recognizer.transcribe(StereoWavWriter.readChannel(drill, StereoWavWriter.RIGHT), turns,
                PostCallRecognizer.TurnGate.OPEN);

        assertThat(first).hasSize(2);
        assertThat(first.get(0)).contains("sorry you were charged twice");
        assertThat(first.get(1)).contains("account number");
        assertThat(again).isEqualTo(first);
        // before each turn it decodes: both, then both again (heard before 3 s of this voice were learnt)
        assertThat(beforeTurn[0]).as("the gate is asked before each turn decoded").isEqualTo(4);
        // and every 100 ms of each turn's audio while it is decoded (each turn padded by up to 300 ms a side)
        long turnsMs = 2 * turns.stream().mapToLong(t -> t.endMs() - t.startMs() + 2 * PostCallRecognizer.PADDING_MS).sum();
        assertThat(duringTurn[0]).as("the gate is asked again every 100 ms of a turn")
                .isBetween((int) (turnsMs / 100) - 8, (int) (turnsMs / 100) + 4);
    }

    @Test
    void theFirstTurnsAreHeardAgainOnceTheAgentsVoiceIsLearnt() throws Exception {
        Assumptions.assumeTrue(SyntheticPhoneSpeech.espeakAvailable(), "espeak-ng is needed for a voice the model needs adapting to");
        Path drill = dir.resolve("espeak-drill.wav");
        List<PostCallRecognizer.Span> turns = record(drill, true, "I'm so sorry the technician didn't turn up.",
                "You'll get a text confirming the slot by tomorrow.", "Is there something else I can help with?");

        List<String> words = recognizer.transcribe(StereoWavWriter.readChannel(drill, StereoWavWriter.RIGHT), turns,
                PostCallRecognizer.TurnGate.OPEN);

        // heard before anything was learnt of this voice, the first turn came out as other words
        assertThat(words.get(0)).contains("sorry the technician");
    }

    @Test
    void theCallersChannelIsNotHeard() throws Exception {
        Path wav = dir.resolve("caller-only.wav");
        short[] caller = SyntheticPhoneSpeech.phoneLine(SyntheticPhoneSpeech.flite(APOLOGY, "rms", dir)).samples();
        try (StereoWavWriter writer = StereoWavWriter.open(wav, 8000)) {
            writer.append(caller, new short[caller.length]);
        }

        List<String> words = recognizer.transcribe(StereoWavWriter.readChannel(wav, StereoWavWriter.RIGHT),
                List.of(new PostCallRecognizer.Span(0, caller.length / 8)), PostCallRecognizer.TurnGate.OPEN);

        assertThat(words).containsExactly("");
    }
}
