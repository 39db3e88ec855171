package callsim.speech;

import static callsim.speech.LineSignals.mixIn;
import static callsim.speech.LineSignals.run;
import static callsim.speech.LineSignals.viaMuLaw;
import static callsim.speech.LineSignals.whiteNoise;
import static org.assertj.core.api.Assertions.assertThat;

import callsim.speech.LineSignals.TimedEvent;
import callsim.speech.TurnEvent.SpeechStarted;
import callsim.speech.TurnEvent.TurnEnded;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Turn detection on real (synthesised) speech over a quiet µ-law line. */
class TurnDetectorSpeechTest {
    private static final long TOLERANCE_MS = 60;
    private static final VoiceStyle AGENT = new VoiceStyle(160, 110, 12, 1.0f);
    private static CallerVoice voice;

    @BeforeAll
    static void loadVoice() {
        voice = CallerVoice.load();
    }

    /** Where the speech really is: first and last 10 ms windows above -45 dBFS in the clean audio. */
    private record Truth(long startMs, long endMs) {
        static Truth of(short[] speech, long placedAtMs) {
            int window = 80;
            long start = placedAtMs + Signals.firstLoudWindow(speech, window, -45) * 10L;
            long end = placedAtMs + (Signals.lastLoudWindow(speech, window, -45) + 1) * 10L;
            return new Truth(start, end);
        }
    }

    private static List<TurnEvent> detect(short[] line) {
        return run(new TurnDetector(TurnDetector.Settings.defaults()), viaMuLaw(line)).stream()
                .map(TimedEvent::event).toList();
    }

    @Test
    void aSentenceIsOneTurnWhoseEdgesMatchTheSpeech() {
        short[] speech = voice.speak8k("Thank you for calling, how can I help you today?", AGENT);
        short[] line = whiteNoise(-55, 1000 + speech.length / 8 + 2000, 1);
        mixIn(line, speech, 1000);
        Truth truth = Truth.of(speech, 1000);

        List<TurnEvent> events = detect(line);

        List<TurnEnded> turns = turns(events);
        assertThat(turns).hasSize(1);
        assertThat(events.get(0)).isInstanceOf(SpeechStarted.class);
        assertThat(((SpeechStarted) events.get(0)).atMs()).isCloseTo(truth.startMs(), within());
        assertThat(turns.get(0).startMs()).isCloseTo(truth.startMs(), within());
        assertThat(turns.get(0).endMs()).isCloseTo(truth.endMs(), within());
    }

    @Test
    void pausesInsideASentenceAndBetweenCloseSentencesDoNotSplitTheTurn() {
        short[] first = voice.speak8k("Well, I understand, and I am sorry, sir.", AGENT);
        short[] second = voice.speak8k("Let me check that for you.", AGENT);
        long secondAtMs = 500 + first.length / 8 + 450; // a breath between sentences
        short[] line = whiteNoise(-55, secondAtMs + second.length / 8 + 2000, 2);
        mixIn(line, first, 500);
        mixIn(line, second, secondAtMs);

        List<TurnEnded> turns = turns(detect(line));

        assertThat(turns).hasSize(1);
        assertThat(turns.get(0).startMs()).isCloseTo(Truth.of(first, 500).startMs(), within());
        assertThat(turns.get(0).endMs()).isCloseTo(Truth.of(second, secondAtMs).endMs(), within());
    }

    @Test
    void aLongGapBetweenSentencesMakesTwoTurns() {
        short[] first = voice.speak8k("Okay.", AGENT);
        short[] second = voice.speak8k("Can I have your account number please?", AGENT);
        long secondAtMs = 500 + first.length / 8 + 1500;
        short[] line = whiteNoise(-55, secondAtMs + second.length / 8 + 2000, 3);
        mixIn(line, first, 500);
        mixIn(line, second, secondAtMs);

        List<TurnEnded> turns = turns(detect(line));

        assertThat(turns).hasSize(2);
        assertThat(turns.get(0).endMs()).isCloseTo(Truth.of(first, 500).endMs(), within());
        assertThat(turns.get(1).startMs()).isCloseTo(Truth.of(second, secondAtMs).startMs(), within());
    }

    @Test
    void quietSpeechIsStillATurn() {
        short[] speech = LineSignals.scale(voice.speak8k("I see, I will fix that now.", AGENT), -18);
        short[] line = whiteNoise(-60, 1000 + speech.length / 8 + 2000, 4);
        mixIn(line, speech, 1000);

        List<TurnEnded> turns = turns(detect(line));

        assertThat(Signals.rmsDbfs(speech)).isLessThan(-40);
        assertThat(turns).hasSize(1);
        assertThat(turns.get(0).durationMs()).isGreaterThan(speech.length / 8 / 2);
    }

    private static List<TurnEnded> turns(List<TurnEvent> events) {
        return events.stream().filter(TurnEnded.class::isInstance).map(TurnEnded.class::cast).toList();
    }

    private static org.assertj.core.data.Offset<Long> within() {
        return org.assertj.core.data.Offset.offset(TOLERANCE_MS);
    }
}
