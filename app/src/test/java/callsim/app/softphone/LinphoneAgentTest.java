package callsim.app.softphone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Drives the real linphonec against sipp, which answers and echoes the audio back. */
class LinphoneAgentTest {
    private static final Duration CONNECT = Duration.ofSeconds(10);

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
        Duration heardLine = heard.voiced(Duration.ZERO, onset.get().plus(lineLength).plusMillis(300));
        assertThat(heardLine.toMillis()).as("voiced time heard back vs. spoken " + spoken.voiced())
                .isBetween(spoken.voiced().toMillis() * 3 / 4, spoken.voiced().toMillis() * 5 / 4);
        Duration afterLine = heard.voiced(onset.get().plus(lineLength).plusMillis(500), Duration.ofMinutes(5));
        assertThat(afterLine).as("the line is played once, not looped").isLessThan(Duration.ofMillis(400));
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
