package callsim.speech;

import static callsim.speech.LineSignals.buzz;
import static callsim.speech.LineSignals.mixIn;
import static callsim.speech.LineSignals.run;
import static callsim.speech.LineSignals.viaMuLaw;
import static callsim.speech.LineSignals.whiteNoise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import callsim.speech.LineSignals.TimedEvent;
import callsim.speech.TurnEvent.SpeechStarted;
import callsim.speech.TurnEvent.SpeechStopped;
import callsim.speech.TurnEvent.TurnEnded;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Turn detection on synthetic line audio. */
class TurnDetectorTest {

    private static TurnDetector detector() {
        return new TurnDetector(TurnDetector.Settings.defaults());
    }

    /** -55 dBFS white noise through µ-law: a quiet but not silent softphone line. */
    private static short[] quietLine(long ms) {
        return whiteNoise(-55, ms, 42);
    }

    @Test
    void aBurstOfVoiceIsOneSegmentAndOneTurnStampedAtItsEdges() {
        short[] line = quietLine(4000);
        mixIn(line, buzz(-20, 1000), 1000);

        List<TimedEvent> events = run(detector(), viaMuLaw(line));

        assertThat(events).extracting(TimedEvent::event).containsExactly(
                new SpeechStarted(1000), new SpeechStopped(2000), new TurnEnded(1000, 2000));
        // Onset confirmed within a few frames; stop after the 300 ms hangover; turn after 700 ms.
        assertThat(events.get(0).reportedAtMs()).isBetween(1040L, 1080L);
        assertThat(events.get(1).reportedAtMs()).isEqualTo(2300);
        assertThat(events.get(2).reportedAtMs()).isEqualTo(2700);
    }

    @Test
    void flushClosesAnOpenSegmentAndTurnAtTheLastVoicedFrame() {
        short[] line = quietLine(1600);
        mixIn(line, buzz(-20, 1000), 500);  // still voiced when the line goes on hold at 1.6 s
        TurnDetector detector = detector();
        List<TimedEvent> before = run(detector, viaMuLaw(line));
        assertThat(before).extracting(TimedEvent::event).containsExactly(new SpeechStarted(500));

        assertThat(detector.flush()).containsExactly(new SpeechStopped(1500), new TurnEnded(500, 1500));
        assertThat(detector.flush()).isEmpty();
        assertThat(detector.isInTurn()).isFalse();
    }

    @Test
    void aTurnWhoseWordsSoundFinishedCanEndAtThePauseInsteadOfAfterTheFullSilence() {
        short[] line = viaMuLaw(quietLine(4000));
        short[] voiced = viaMuLaw(buzz(-20, 1000));
        System.arraycopy(voiced, 0, line, 8 * 1000, voiced.length);
        TurnDetector detector = detector();
        List<TimedEvent> untilPause = run(detector, java.util.Arrays.copyOfRange(line, 0, 8 * 2320));
        assertThat(untilPause).extracting(TimedEvent::event).containsExactly(new SpeechStarted(1000), new SpeechStopped(2000));

        assertThat(detector.endTurnNow()).containsExactly(new TurnEnded(1000, 2000));
        assertThat(detector.isInTurn()).isFalse();
        assertThat(detector.endTurnNow()).isEmpty();
    }

    @Test
    void aTurnCannotBeEndedEarlyWhileTheAgentIsStillSpeaking() {
        short[] line = quietLine(2000);
        mixIn(line, buzz(-20, 1500), 500);
        TurnDetector detector = detector();
        run(detector, viaMuLaw(line));

        assertThat(detector.isSpeaking()).isTrue();
        assertThat(detector.endTurnNow()).isEmpty();
        assertThat(detector.isInTurn()).isTrue();
    }

    @Test
    void aPauseHeldOpenOutlastsTheEndOfTurnSilenceAndSpeechAfterItContinuesTheTurn() {
        short[] line = quietLine(5000);
        mixIn(line, buzz(-20, 1000), 1000);
        mixIn(line, buzz(-20, 500), 2000 + 1000);  // back after a 1 s pause, longer than the 700 ms silence
        TurnDetector detector = detector();
        short[] muLaw = viaMuLaw(line);
        List<TimedEvent> events = run(detector, java.util.Arrays.copyOfRange(muLaw, 0, 8 * 2400));
        assertThat(events).extracting(TimedEvent::event).containsExactly(new SpeechStarted(1000), new SpeechStopped(2000));

        detector.holdTurnOpenUntil(2000 + 1200);  // "... and" — the agent is likely going on
        List<TimedEvent> rest = new java.util.ArrayList<>();
        for (int start = 8 * 2400; start + 160 <= muLaw.length; start += 160) {
            for (TurnEvent event : detector.accept(java.util.Arrays.copyOfRange(muLaw, start, start + 160), start / 8)) {
                rest.add(new TimedEvent(start / 8 + 20, event));
            }
        }
        assertThat(rest).extracting(TimedEvent::event).containsExactly(
                new SpeechStarted(3000), new SpeechStopped(3500), new TurnEnded(1000, 3500));
        assertThat(rest.get(2).reportedAtMs()).isEqualTo(4200);  // the next pause gets the usual 700 ms again
    }

    @Test
    void lowLevelNoiseIsNeverSpeech() {
        short[] line = viaMuLaw(whiteNoise(-55, 10_000, 7));
        assertThat(run(detector(), line)).isEmpty();
    }

    @Test
    void softphoneSilenceWithComfortNoiseAndDigitalSilenceIsNeverSpeech() {
        short[] line = new short[LineSignals.samples(10_000)];
        for (int second = 0; second < 10; second += 2) {
            mixIn(line, whiteNoise(-62, 1000, second), second * 1000L); // comfort noise, then a second of zeros
        }
        assertThat(run(detector(), viaMuLaw(line))).isEmpty();
    }

    @Test
    void steadyBackgroundNoiseBecomesTheFloorAndSpeechOverItIsStillFound() {
        short[] line = whiteNoise(-42, 6000, 3); // louder than the absolute speech minimum
        mixIn(line, buzz(-22, 800), 3000);

        List<TimedEvent> events = run(detector(), viaMuLaw(line));

        assertThat(events).extracting(TimedEvent::event).containsExactly(
                new SpeechStarted(3000), new SpeechStopped(3800), new TurnEnded(3000, 3800));
    }

    @Test
    void aBackgroundNoiseThatSwitchesOnIsAbsorbedQuickly() {
        short[] line = quietLine(8000);
        mixIn(line, whiteNoise(-40, 6000, 9), 2000);

        List<TimedEvent> events = run(detector(), viaMuLaw(line));

        // At most one false segment while the floor learns the new noise (1 s of steadiness), ended
        // by the usual 700 ms end-of-turn silence.
        assertThat(events).hasSizeLessThanOrEqualTo(3);
        assertThat(events).allSatisfy(e -> assertThat(e.reportedAtMs()).isLessThan(2000 + 1000 + 700 + 100));
    }

    @Test
    void quietSpeechCounts() {
        short[] line = quietLine(3000);
        mixIn(line, buzz(-40, 600), 1000);

        List<TurnEvent> events = run(detector(), viaMuLaw(line)).stream().map(TimedEvent::event).toList();

        // The onset is quieter still (syllable envelope): allow one frame of lateness.
        assertThat(events).hasSize(3);
        assertThat(((SpeechStarted) events.get(0)).atMs()).isBetween(1000L, 1020L);
        assertThat(events.get(1)).isEqualTo(new SpeechStopped(1600));
        assertThat(events.get(2)).isInstanceOf(TurnEnded.class);
    }

    @Test
    void aClickIsNotSpeech() {
        short[] line = quietLine(3000);
        mixIn(line, buzz(-10, 20), 1000);
        mixIn(line, buzz(-10, 20), 1500);
        assertThat(run(detector(), viaMuLaw(line))).isEmpty();
    }

    @Test
    void shortPausesStayInsideASegmentLongerOnesSplitSegmentsButNotTheTurn() {
        short[] line = quietLine(6000);
        mixIn(line, buzz(-20, 500), 1000);
        mixIn(line, buzz(-20, 500), 1700); // 200 ms pause: inside the hangover
        mixIn(line, buzz(-20, 500), 2700); // 500 ms pause: new segment, same turn

        assertThat(run(detector(), viaMuLaw(line))).extracting(TimedEvent::event).containsExactly(
                new SpeechStarted(1000), new SpeechStopped(2200),
                new SpeechStarted(2700), new SpeechStopped(3200),
                new TurnEnded(1000, 3200));
    }

    @Test
    void aLongSilenceStartsANewTurn() {
        short[] line = quietLine(5000);
        mixIn(line, buzz(-20, 500), 1000);
        mixIn(line, buzz(-20, 500), 2400); // 900 ms later

        assertThat(run(detector(), viaMuLaw(line))).extracting(TimedEvent::event).containsExactly(
                new SpeechStarted(1000), new SpeechStopped(1500), new TurnEnded(1000, 1500),
                new SpeechStarted(2400), new SpeechStopped(2900), new TurnEnded(2400, 2900));
    }

    @Test
    void endOfTurnSilenceIsConfigurable() {
        short[] line = quietLine(5000);
        mixIn(line, buzz(-20, 500), 1000);
        mixIn(line, buzz(-20, 500), 2100); // 600 ms later

        TurnDetector patient = new TurnDetector(TurnDetector.Settings.defaults().withEndOfTurnSilenceMs(800));
        TurnDetector quick = new TurnDetector(TurnDetector.Settings.defaults().withEndOfTurnSilenceMs(500));

        assertThat(run(patient, viaMuLaw(line))).extracting(TimedEvent::event).filteredOn(TurnEnded.class::isInstance)
                .containsExactly(new TurnEnded(1000, 2600));
        assertThat(run(quick, viaMuLaw(line))).extracting(TimedEvent::event).filteredOn(TurnEnded.class::isInstance)
                .containsExactly(new TurnEnded(1000, 1500), new TurnEnded(2100, 2600));
    }

    @Test
    void resetDropsTheTurnInProgressWithoutReportingIt() {
        short[] line = quietLine(4000);
        mixIn(line, buzz(-20, 1000), 1000);
        line = viaMuLaw(line);
        TurnDetector detector = detector();
        int frame = 0;
        for (; frame * 20 < 1400; frame++) detector.accept(frameAt(line, frame), frame * 20L);
        assertThat(detector.isSpeaking()).isTrue();

        detector.reset();

        assertThat(detector.isSpeaking()).isFalse();
        assertThat(detector.isInTurn()).isFalse();
        // The rest of the burst is new speech; what came before the reset is never reported.
        List<TurnEvent> after = new java.util.ArrayList<>();
        for (; frame * 20 < 4000; frame++) after.addAll(detector.accept(frameAt(line, frame), frame * 20L));
        assertThat(after).containsExactly(new SpeechStarted(1400), new SpeechStopped(2000), new TurnEnded(1400, 2000));
    }

    private static short[] frameAt(short[] line, int frame) {
        return java.util.Arrays.copyOfRange(line, frame * 160, frame * 160 + 160);
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new TurnDetector.Settings(300, 200, 4, 3, VoiceActivityDetector.Settings.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("endOfTurnSilenceMs");
        assertThatThrownBy(() -> new TurnDetector.Settings(300, 700, 2, 3, VoiceActivityDetector.Settings.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("onsetVoicedFrames");
    }
}
