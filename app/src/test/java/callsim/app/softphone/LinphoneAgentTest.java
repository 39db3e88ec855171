package callsim.app.softphone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Drives the real linphonec against sipp, which answers and echoes the audio back. */
class LinphoneAgentTest {
    private static final Duration CONNECT = Duration.ofSeconds(10);
    private static final Duration QUIET_SPELL = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    @Test
    @Timeout(90)
    void callsPlaysALineHoldsResumesSendsDtmfAndHangsUp() throws Exception {
        Path line = AgentSpeech.speak("Thank you for calling. I am sorry about your connection,"
                + " let me check that for you right now.", dir.resolve("lines"));
        Path recording = dir.resolve("heard.wav");
        long agentPid;
        long peerPid;
        Duration lineLength;
        try (SippEchoPeer peer = SippEchoPeer.start(dir.resolve("sipp"));
             LinphoneAgent agent = LinphoneAgent.start(dir.resolve("agent"))) {
            agentPid = agent.pid();
            peerPid = peer.pid();
            agent.recordTo(recording);
            agent.call(peer.uri());
            agent.awaitInCall(CONNECT);

            lineLength = agent.play(line);
            agent.awaitPlaybackDone(lineLength.plusSeconds(5));
            // The call stays up through a quiet spell, in which the line must not come round again.
            await().during(QUIET_SPELL).atMost(QUIET_SPELL.plusSeconds(2))
                    .until(() -> agent.outputLines().stream().noneMatch(l -> l.contains(" ended (")));
            agent.pause();
            agent.resume();
            agent.sendDtmf('5');
            // sipp echoes the RTP telephone-event back, so linphonec reports hearing the digit.
            agent.awaitOutput("^Receiving tone 5 from", Duration.ofSeconds(5));
            agent.hangUp();

            assertThat(agent.awaitCallEnded(Duration.ofSeconds(5))).isEqualTo("No error");
            assertThat(peer.awaitExit(Duration.ofSeconds(10))).as("sipp exit code").isZero();
            String sip = peer.messages();
            assertThat(sip).as("hold re-INVITE offers sendonly").contains("Subject: Call on hold", "a=sendonly");
            assertThat(sip).as("resume re-INVITE").contains("Subject: Call resuming");
        }
        assertThat(ProcessHandle.of(agentPid).filter(ProcessHandle::isAlive)).as("linphonec left running").isEmpty();
        assertThat(ProcessHandle.of(peerPid).filter(ProcessHandle::isAlive)).as("sipp left running").isEmpty();

        VoiceActivity spoken = new VoiceActivity(Wav.read(line));
        VoiceActivity heard = new VoiceActivity(Wav.read(recording));
        Optional<Duration> onset = heard.firstVoiced();
        assertThat(onset).as("the echoed line is in the recording").isPresent();
        assertThat(onset.get()).isLessThan(Duration.ofSeconds(1));
        assertThat(bestEnvelopeCorrelation(spoken.frameRms(), heard.frameRms(), 50))
                .as("loudness envelope heard back vs. the line played").isGreaterThan(0.8);
        Duration lineEnd = onset.get().plus(lineLength);
        assertThat(heard.voiced(Duration.ZERO, lineEnd.plusMillis(200)).toMillis())
                .as("voiced time heard back vs. spoken " + spoken.voiced())
                .isBetween(spoken.voiced().toMillis() * 3 / 4, spoken.voiced().toMillis() * 5 / 4);
        assertThat(heard.voiced(lineEnd.plusMillis(200), lineEnd.plus(QUIET_SPELL)))
                .as("the line is played once, not looped").isLessThan(Duration.ofMillis(100));
    }

    /** Pearson correlation of two per-frame loudness series, at the best lag of b behind a. */
    private static double bestEnvelopeCorrelation(double[] a, double[] b, int maxLagFrames) {
        double best = -1;
        for (int lag = 0; lag <= maxLagFrames; lag++) {
            int n = Math.min(a.length, b.length - lag);
            if (n < 10) {
                break;
            }
            double meanA = 0;
            double meanB = 0;
            for (int i = 0; i < n; i++) {
                meanA += a[i] / n;
                meanB += b[i + lag] / n;
            }
            double cov = 0;
            double varA = 0;
            double varB = 0;
            for (int i = 0; i < n; i++) {
                cov += (a[i] - meanA) * (b[i + lag] - meanB);
                varA += (a[i] - meanA) * (a[i] - meanA);
                varB += (b[i + lag] - meanB) * (b[i + lag] - meanB);
            }
            best = Math.max(best, cov / Math.sqrt(varA * varB + 1e-9));
        }
        return best;
    }

    @Test
    @Timeout(60)
    void aCallNobodyAnswersFailsWithLinphonecsOutput() throws Exception {
        int deadPort = LoopbackPorts.freeBlock(1);
        try (LinphoneAgent agent = LinphoneAgent.start(dir.resolve("agent"))) {
            agent.call("sip:nobody@127.0.0.1:" + deadPort);
            assertThatThrownBy(() -> agent.awaitInCall(Duration.ofSeconds(3)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("call 1")
                    .hasMessageContaining("sip:nobody@127.0.0.1:" + deadPort);
        }
    }
}
