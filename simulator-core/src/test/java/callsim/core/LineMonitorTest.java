package callsim.core;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.core.DrillEvent.AgentHungUp;
import callsim.core.DrillEvent.AgentSpeechStarted;
import callsim.core.DrillEvent.AgentSpeechStopped;
import callsim.core.DrillEvent.AgentTurn;
import callsim.core.DrillEvent.CallConnected;
import callsim.core.DrillEvent.CallerSpeechEnded;
import callsim.core.DrillEvent.CallerSpeechStarted;
import callsim.core.DrillEvent.HoldEnded;
import callsim.core.DrillEvent.HoldStarted;
import callsim.core.DrillEvent.Tick;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LineMonitorTest {
    private final LineMonitor monitor = new LineMonitor();
    private final List<LineNotice> notices = new ArrayList<>();
    private long lastMs;

    /** Feeds the events, with ticks every 100 ms in between as the pipeline sends them. */
    private void play(DrillEvent... events) {
        for (DrillEvent event : events) {
            for (long t = lastMs + 100; t < event.atMs(); t += 100) notices.addAll(monitor.accept(new Tick(t)));
            notices.addAll(monitor.accept(event));
            lastMs = event.atMs();
        }
    }

    private void tickUntil(long ms) {
        play(new Tick(ms));
    }

    private void agentSays(long startMs, long endMs, long turnAtMs, String words) {
        play(new AgentSpeechStarted(startMs), new AgentSpeechStopped(endMs), new AgentTurn(turnAtMs, startMs, endMs, words));
    }

    @Nested
    class Holds {
        @Test
        void holdAskedForWithin20sIsAnnouncedAndLengthIsMeasured() {
            play(new CallConnected(0));
            agentSays(1_000, 3_000, 3_600, "one moment please while I check your account");
            play(new HoldStarted(10_000), new HoldEnded(40_000));

            LineMetrics metrics = monitor.metrics(50_000);

            assertThat(metrics.holds()).containsExactly(new HoldRecord(10_000, 40_000, true));
            assertThat(metrics.holdSeconds()).isEqualTo(30.0);
        }

        @Test
        void holdRequestMoreThan20sBeforeDoesNotAnnounceTheHold() {
            play(new CallConnected(0));
            agentSays(1_000, 3_000, 3_600, "can I put you on hold");
            play(new HoldStarted(23_500), new HoldEnded(30_000));

            assertThat(monitor.metrics(31_000).holds()).containsExactly(new HoldRecord(23_500, 30_000, false));
        }

        @Test
        void turnRecognisedAfterTheHoldStartedStillAnnouncesIt() {
            play(new CallConnected(0), new AgentSpeechStarted(1_000), new AgentSpeechStopped(2_500),
                    new HoldStarted(2_700));
            assertThat(monitor.holdAnnounced()).isFalse();

            play(new AgentTurn(3_200, 1_000, 2_500, "bear with me a moment"));

            assertThat(monitor.holdAnnounced()).isTrue();
            assertThat(monitor.holdStartedAtMs()).isEqualTo(2_700);
        }

        @Test
        void holdStillOpenAtCallEndIsClosedThere() {
            play(new CallConnected(0), new HoldStarted(5_000));
            tickUntil(20_000);

            LineMetrics metrics = monitor.metrics(65_000);

            assertThat(monitor.onHold()).isTrue();
            assertThat(metrics.holds()).containsExactly(new HoldRecord(5_000, 65_000, false));
            assertThat(metrics.longestHoldSeconds()).isEqualTo(60.0);
            assertThat(metrics.deadAir()).isEmpty();
        }
    }

    @Nested
    class AgentInterruptions {
        @Test
        void agentTalkingOverTheCallerIsConfirmedOnceItOutlastsABackchannelAndTheVadHangover() {
            play(new CallConnected(0), new CallerSpeechStarted(0, 1, 6_000), new AgentSpeechStarted(2_000));
            tickUntil(3_200);
            assertThat(notices).isEmpty();

            tickUntil(3_300);

            assertThat(notices).containsExactly(new LineNotice.AgentInterruption(2_000, 1));
            play(new AgentSpeechStopped(4_000));
            assertThat(monitor.metrics(5_000).agentInterruptionsAtMs()).containsExactly(2_000L);
        }

        @Test
        void startingWithLessThanASecondOfTheUtteranceLeftIsNotAnInterruption() {
            play(new CallConnected(0), new CallerSpeechStarted(0, 1, 3_000), new AgentSpeechStarted(2_100));
            tickUntil(3_000);
            play(new CallerSpeechEnded(3_000, 1, false), new AgentSpeechStopped(5_000),
                    new AgentTurn(5_600, 2_100, 5_000, "I am so sorry about the charge"));

            assertThat(notices).isEmpty();
            assertThat(monitor.metrics(6_000).agentInterruptions()).isZero();
            assertThat(monitor.metrics(6_000).overtalk()).containsExactly(new Span(2_100, 3_000));
        }

        @Test
        void aBackchannelOverTheCallerIsActiveListeningNotAnInterruption() {
            play(new CallConnected(0), new CallerSpeechStarted(0, 1, 8_000));
            agentSays(2_000, 2_400, 3_000, "mm hm");
            agentSays(4_000, 4_600, 5_200, "I see");
            play(new CallerSpeechEnded(8_000, 1, false));

            assertThat(notices).isEmpty();
            LineMetrics metrics = monitor.metrics(9_000);
            assertThat(metrics.agentInterruptions()).isZero();
            assertThat(metrics.overtalk()).containsExactly(new Span(2_000, 2_400), new Span(4_000, 4_600));
        }

        @Test
        void speechOfASecondIsConfirmedWhenItsStopArrives() {
            play(new CallConnected(0), new CallerSpeechStarted(0, 1, 6_000), new AgentSpeechStarted(2_000),
                    new AgentSpeechStopped(3_100));

            assertThat(notices).containsExactly(new LineNotice.AgentInterruption(2_000, 1));
        }

        @Test
        void aBackDatedStopKeepsAShortBackchannelShortEvenAfterLaterTicks() {
            play(new CallConnected(0), new CallerSpeechStarted(0, 1, 6_000), new AgentSpeechStarted(2_000));
            tickUntil(3_100);
            notices.addAll(monitor.accept(new AgentSpeechStopped(2_800))); // VAD hangover over at 3 100
            play(new AgentTurn(3_600, 2_000, 2_800, "okay"));

            assertThat(notices).isEmpty();
            LineMetrics metrics = monitor.metrics(4_000);
            assertThat(metrics.agentSpeech()).containsExactly(new Span(2_000, 2_800));
            assertThat(metrics.overtalk()).containsExactly(new Span(2_000, 2_800));
        }

        @Test
        void shortSpeechThatIsNotABackchannelIsConfirmedWhenItsWordsArrive() {
            play(new CallConnected(0), new CallerSpeechStarted(0, 1, 8_000));
            agentSays(2_000, 2_700, 3_300, "no wait");

            assertThat(notices).containsExactly(new LineNotice.AgentInterruption(2_000, 1));
        }

        @Test
        void twoInterruptionsOfOneUtteranceCountOnce() {
            play(new CallConnected(0), new CallerSpeechStarted(0, 1, 12_000));
            agentSays(1_000, 2_500, 3_000, "but sir the bill");
            agentSays(5_000, 7_000, 7_600, "listen the bill is right");
            play(new CallerSpeechEnded(12_000, 1, false), new CallerSpeechStarted(13_000, 2, 5_000));
            agentSays(14_000, 15_500, 16_000, "okay but");

            assertThat(notices).containsExactly(
                    new LineNotice.AgentInterruption(1_000, 1), new LineNotice.AgentInterruption(14_000, 2));
            assertThat(monitor.metrics(20_000).agentInterruptionsAtMs()).containsExactly(1_000L, 14_000L);
        }
    }

    @Nested
    class CallerBargeIns {
        @Test
        void callerStartingWhileTheAgentTalksIsABargeIn() {
            play(new CallConnected(0), new AgentSpeechStarted(1_000), new CallerSpeechStarted(4_000, 7, 3_000));

            assertThat(notices).containsExactly(new LineNotice.CallerBargeIn(4_000, 7));
            play(new AgentSpeechStopped(5_000), new CallerSpeechEnded(7_000, 7, false));
            LineMetrics metrics = monitor.metrics(8_000);
            assertThat(metrics.callerInterruptionsAtMs()).containsExactly(4_000L);
            assertThat(metrics.overtalk()).containsExactly(new Span(4_000, 5_000));
            assertThat(metrics.agentInterruptions()).isZero();
        }

        @Test
        void callerStartingInAPauseBeforeTheTurnEndsIsABargeInWithoutOvertalk() {
            play(new CallConnected(0), new AgentSpeechStarted(1_000), new AgentSpeechStopped(3_000),
                    new CallerSpeechStarted(3_300, 2, 2_000));

            assertThat(notices).containsExactly(new LineNotice.CallerBargeIn(3_300, 2));
            assertThat(monitor.metrics(4_000).overtalk()).isEmpty();
        }
    }

    @Nested
    class DeadAir {
        @Test
        void silenceLongerThanFiveSecondsIsNoticedOnceAndMeasured() {
            play(new CallConnected(0), new CallerSpeechStarted(0, 1, 2_000), new CallerSpeechEnded(2_000, 1, false));
            tickUntil(7_000);
            assertThat(notices).isEmpty();
            assertThat(monitor.silentSinceMs()).isEqualTo(2_000);

            tickUntil(12_000);
            play(new AgentSpeechStarted(12_000));

            assertThat(notices).containsExactly(new LineNotice.DeadAir(7_100, 2_000));
            assertThat(monitor.silentSinceMs()).isEqualTo(-1);
            assertThat(monitor.metrics(13_000).deadAir()).containsExactly(new Span(2_000, 12_000));
        }

        @Test
        void silenceOfExactlyFiveSecondsIsNotDeadAir() {
            play(new CallConnected(0), new CallerSpeechStarted(0, 1, 1_000), new CallerSpeechEnded(1_000, 1, false),
                    new AgentSpeechStarted(6_000));

            assertThat(notices).isEmpty();
            assertThat(monitor.metrics(7_000).deadAir()).isEmpty();
        }

        @Test
        void holdIsNotDeadAirAndSilenceAfterTheHoldCountsFromItsEnd() {
            play(new CallConnected(0), new CallerSpeechStarted(0, 1, 1_000), new CallerSpeechEnded(1_000, 1, false),
                    new HoldStarted(2_000), new HoldEnded(30_000));
            tickUntil(36_000);

            assertThat(notices).containsExactly(new LineNotice.DeadAir(35_100, 30_000));
            assertThat(monitor.metrics(40_000).deadAir()).containsExactly(new Span(30_000, 40_000));
        }

        @Test
        void waitingForTheAgentsWordsToBeRecognisedIsNotDeadAir() {
            play(new CallConnected(0), new AgentSpeechStarted(500), new AgentSpeechStopped(3_000));
            tickUntil(9_000);  // recognition is slow: the simulator, not the agent, keeps the line silent
            play(new AgentTurn(9_000, 500, 3_000, "i am so sorry about that"));
            assertThat(notices).isEmpty();
            assertThat(monitor.silentSinceMs()).isEqualTo(9_000);

            tickUntil(14_200);
            assertThat(notices).containsExactly(new LineNotice.DeadAir(14_100, 9_000));
        }

        @Test
        void nothingCountsAfterTheAgentHungUp() {
            play(new CallConnected(0), new CallerSpeechStarted(0, 1, 1_000), new CallerSpeechEnded(1_000, 1, false),
                    new AgentHungUp(3_000));
            tickUntil(20_000);

            assertThat(notices).isEmpty();
            assertThat(monitor.metrics(20_000).deadAir()).isEmpty();
        }

        @Test
        void aSecondLongSilenceIsNoticedAgain() {
            play(new CallConnected(0));
            tickUntil(6_000);
            agentSays(6_000, 7_000, 7_500, "hello");
            tickUntil(13_000);

            assertThat(notices).extracting(LineNotice::atMs).containsExactly(5_100L, 12_600L);  // counted from when "hello" was recognised
            assertThat(monitor.metrics(13_000).deadAir()).containsExactly(new Span(0, 6_000), new Span(7_500, 13_000));
        }
    }

    @Nested
    class TalkAndLatency {
        @Test
        void speechSpansOfBothSidesIncludingOnesOpenAtCallEnd() {
            play(new CallConnected(0), new CallerSpeechStarted(0, 1, 4_000), new CallerSpeechEnded(3_500, 1, true));
            agentSays(4_000, 6_000, 6_600, "I understand");
            play(new CallerSpeechStarted(7_000, 2, 5_000));

            LineMetrics metrics = monitor.metrics(9_000);

            assertThat(metrics.callerSpeech()).containsExactly(new Span(0, 3_500), new Span(7_000, 9_000));
            assertThat(metrics.agentSpeech()).containsExactly(new Span(4_000, 6_000));
            assertThat(metrics.callerTalkSeconds()).isEqualTo(5.5);
            assertThat(metrics.agentTalkSeconds()).isEqualTo(2.0);
        }

        @Test
        void latencyRunsFromTheTurnsLastVoicedFrameToTheCallersReply() {
            play(new CallConnected(0));
            agentSays(1_000, 3_000, 3_700, "thank you for calling");
            play(new CallerSpeechStarted(3_900, 1, 2_000), new CallerSpeechEnded(5_900, 1, false));
            agentSays(6_500, 8_000, 8_600, "what happened");
            play(new CallerSpeechStarted(9_200, 2, 2_000), new CallerSpeechEnded(11_200, 2, false));

            assertThat(monitor.metrics(12_000).callerResponseLatenciesMs()).containsExactly(900L, 1_200L);
        }

        @Test
        void bargeInsAndTurnsHeardWhileTheCallerTalksGiveNoLatency() {
            play(new CallConnected(0), new CallerSpeechStarted(0, 1, 6_000));
            agentSays(1_000, 1_300, 1_900, "okay");
            play(new CallerSpeechEnded(6_000, 1, false), new CallerSpeechStarted(6_200, 2, 3_000),
                    new CallerSpeechEnded(9_200, 2, false), new AgentSpeechStarted(10_000),
                    new CallerSpeechStarted(12_000, 3, 2_000));

            assertThat(monitor.metrics(15_000).callerResponseLatenciesMs()).isEmpty();
        }

        @Test
        void aHoldBetweenTheTurnAndTheReplyGivesNoLatency() {
            play(new CallConnected(0));
            agentSays(1_000, 2_000, 2_600, "one moment");
            play(new HoldStarted(3_000), new HoldEnded(9_000), new CallerSpeechStarted(9_500, 1, 1_000));

            assertThat(monitor.metrics(11_000).callerResponseLatenciesMs()).isEmpty();
        }

        @Test
        void queriesFollowTheLine() {
            play(new CallConnected(0), new CallerSpeechStarted(0, 4, 3_000));
            assertThat(monitor.callerSpeaking()).isTrue();
            assertThat(monitor.callerUtteranceId()).isEqualTo(4);
            play(new AgentSpeechStarted(500));
            assertThat(monitor.agentSpeaking()).isTrue();
            play(new AgentSpeechStopped(800));
            assertThat(monitor.agentSpeaking()).isFalse();
            assertThat(monitor.agentMidTurn()).isTrue();
            assertThat(monitor.agentTurnStartedAtMs()).isEqualTo(500);
            play(new AgentTurn(1_400, 500, 800, "mm hm"), new CallerSpeechEnded(3_000, 4, false));
            assertThat(monitor.agentMidTurn()).isFalse();
            assertThat(monitor.callerSpeaking()).isFalse();
            assertThat(monitor.silentSinceMs()).isEqualTo(3_000);
            assertThat(monitor.onHold()).isFalse();
            assertThat(monitor.holdStartedAtMs()).isEqualTo(-1);
        }
    }
}
