package callsim.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dialer phones the endpoint over loopback: audio, hold, DTMF and hang-up end to end. */
class SipCallTest {
    private static final Duration ANSWER = Duration.ofSeconds(5);

    private final RecordingCallHandler handler = new RecordingCallHandler();
    private SipEndpoint endpoint;
    private SipDialer dialer;

    @BeforeEach
    void start() throws Exception {
        endpoint = SipEndpoint.start(SipEndpointConfig.loopback(), handler);
        dialer = SipDialer.start(SipEndpointConfig.loopback());
    }

    @AfterEach
    void stop() {
        dialer.close();
        endpoint.close();
    }

    @Test
    void callComesUpWithDialledNumberAndAudioFlowsBothWays() throws Exception {
        RecordingLineListener agentSide = new RecordingLineListener();
        DialledCall agent = dialer.dial(endpoint.uriFor("7000"), agentSide, ANSWER);
        await().atMost(Duration.ofSeconds(5)).until(() -> handler.lines.size() == 1);
        CallLine simulator = handler.lines.get(0);
        RecordingLineListener simulatorSide = handler.listeners.get(0);

        assertThat(simulator.dialledNumber()).isEqualTo("7000");
        assertThat(simulator.remoteParty()).startsWith("sip:callsim@127.0.0.1");
        assertThat(simulator.callId()).isEqualTo(agent.callId());

        for (int i = 0; i < 50; i++) {
            agent.sendAudio(Tones.sineFrame(i, 1000, 8000));
            simulator.sendAudio(Tones.sineFrame(i, 400, 4000));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> simulatorSide.frames.size() >= 50 && agentSide.frames.size() >= 50);

        short[] heardBySimulator = simulatorSide.frames.get(25);
        assertThat(Tones.rms(heardBySimulator)).isBetween(8000 / Math.sqrt(2) * 0.95, 8000 / Math.sqrt(2) * 1.05);
        assertThat(Tones.toneShare(heardBySimulator, 1000)).isGreaterThan(0.95);
        short[] heardByAgent = agentSide.frames.get(25);
        assertThat(Tones.rms(heardByAgent)).isBetween(4000 / Math.sqrt(2) * 0.95, 4000 / Math.sqrt(2) * 1.05);
        assertThat(Tones.toneShare(heardByAgent, 400)).isGreaterThan(0.95);
    }

    @Test
    void holdAndResumeByReInviteAreReportedOnceEach() throws Exception {
        DialledCall agent = dialer.dial(endpoint.uriFor("7000"), new RecordingLineListener(), ANSWER);
        await().atMost(Duration.ofSeconds(5)).until(() -> handler.listeners.size() == 1);
        RecordingLineListener simulatorSide = handler.listeners.get(0);

        agent.hold();
        await().atMost(Duration.ofSeconds(5)).until(() -> simulatorSide.events.contains("hold"));
        agent.hold(); // a second sendonly re-INVITE is no new transition
        agent.resume();
        await().atMost(Duration.ofSeconds(5)).until(() -> simulatorSide.events.contains("resume"));

        assertThat(simulatorSide.events).containsExactly("hold", "resume");
    }

    @Test
    void dtmfDigitsArriveOnceEach() throws Exception {
        DialledCall agent = dialer.dial(endpoint.uriFor("7000"), new RecordingLineListener(), ANSWER);
        await().atMost(Duration.ofSeconds(5)).until(() -> handler.listeners.size() == 1);
        RecordingLineListener simulatorSide = handler.listeners.get(0);

        for (char digit : "12#*9".toCharArray()) {
            agent.sendDtmf(digit);
            agent.sendAudio(Tones.sineFrame(0, 1000, 0)); // audio between presses moves the RTP clock on
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> simulatorSide.digits.size() >= 5);
        assertThat(simulatorSide.digits).containsExactly('1', '2', '#', '*', '9');
    }

    @Test
    void agentHangUpReachesTheSimulator() throws Exception {
        RecordingLineListener agentSide = new RecordingLineListener();
        DialledCall agent = dialer.dial(endpoint.uriFor("7000"), agentSide, ANSWER);
        await().atMost(Duration.ofSeconds(5)).until(() -> handler.listeners.size() == 1);

        agent.hangUp();
        agent.hangUp();

        await().atMost(Duration.ofSeconds(5)).until(() -> !handler.listeners.get(0).hangUps.isEmpty());
        assertThat(handler.listeners.get(0).hangUps).containsExactly("agent hung up");
        assertThat(agentSide.hangUps).containsExactly("local hang-up");
        await().atMost(Duration.ofSeconds(5)).until(() -> endpoint.activeCalls() == 0);
    }

    @Test
    void simulatorHangUpReachesTheAgent() throws Exception {
        RecordingLineListener agentSide = new RecordingLineListener();
        dialer.dial(endpoint.uriFor("7000"), agentSide, ANSWER);
        await().atMost(Duration.ofSeconds(5)).until(() -> handler.lines.size() == 1);

        handler.lines.get(0).hangUp();
        handler.lines.get(0).hangUp();

        await().atMost(Duration.ofSeconds(5)).until(() -> !agentSide.hangUps.isEmpty());
        assertThat(agentSide.hangUps).containsExactly("remote hung up");
        assertThat(handler.listeners.get(0).hangUps).containsExactly("simulator hung up");
    }

    @Test
    void twoConcurrentCallsStayIndependent() throws Exception {
        RecordingLineListener firstAgent = new RecordingLineListener();
        RecordingLineListener secondAgent = new RecordingLineListener();
        DialledCall first = dialer.dial(endpoint.uriFor("7001"), firstAgent, ANSWER);
        DialledCall second = dialer.dial(endpoint.uriFor("7002"), secondAgent, ANSWER);
        await().atMost(Duration.ofSeconds(5)).until(() -> handler.lines.size() == 2);
        int firstIndex = handler.lines.get(0).callId().equals(first.callId()) ? 0 : 1;
        RecordingLineListener firstSimulator = handler.listeners.get(firstIndex);
        RecordingLineListener secondSimulator = handler.listeners.get(1 - firstIndex);
        assertThat(handler.lines.get(firstIndex).dialledNumber()).isEqualTo("7001");
        assertThat(handler.lines.get(1 - firstIndex).dialledNumber()).isEqualTo("7002");

        for (int i = 0; i < 10; i++) {
            first.sendAudio(Tones.sineFrame(i, 1000, 8000));
            second.sendAudio(Tones.sineFrame(i, 600, 2000));
        }
        second.hold();
        await().atMost(Duration.ofSeconds(5)).until(() -> secondSimulator.events.contains("hold"));
        first.hangUp();
        await().atMost(Duration.ofSeconds(5)).until(() -> !firstSimulator.hangUps.isEmpty());

        assertThat(firstSimulator.events).isEmpty();
        assertThat(secondSimulator.hangUps).isEmpty();
        assertThat(Tones.toneShare(firstSimulator.frames.get(5), 1000)).isGreaterThan(0.95);
        assertThat(Tones.toneShare(secondSimulator.frames.get(5), 600)).isGreaterThan(0.95);
        assertThat(endpoint.activeCalls()).isEqualTo(1);
    }
}
