package callsim.telephony;

import static callsim.telephony.RawSipPeer.statusLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Media rules of the endpoint: hold silences us, media timeout, moved RTP address, unanswered dial. */
class SipMediaTest {
    private final RecordingCallHandler handler = new RecordingCallHandler();
    private SipEndpoint endpoint;
    private SipDialer dialer;

    private void start(SipEndpointConfig endpointConfig) throws Exception {
        endpoint = SipEndpoint.start(endpointConfig, handler);
        dialer = SipDialer.start(SipEndpointConfig.loopback());
    }

    @AfterEach
    void stop() {
        if (dialer != null) {
            dialer.close();
        }
        if (endpoint != null) {
            endpoint.close();
        }
    }

    @Test
    void simulatorAudioIsNotSentWhileTheAgentHoldsTheCall() throws Exception {
        start(SipEndpointConfig.loopback());
        RecordingLineListener agentSide = new RecordingLineListener();
        DialledCall agent = dialer.dial(endpoint.uriFor("7000"), agentSide, Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(5)).until(() -> handler.lines.size() == 1);
        CallLine simulator = handler.lines.get(0);

        agent.hold();
        await().atMost(Duration.ofSeconds(5)).until(() -> handler.listeners.get(0).events.contains("hold"));
        for (int i = 0; i < 10; i++) {
            simulator.sendAudio(Tones.sineFrame(i, 400, 4000));
        }
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> agentSide.frames.isEmpty());

        agent.resume();
        await().atMost(Duration.ofSeconds(5)).until(() -> handler.listeners.get(0).events.contains("resume"));
        for (int i = 0; i < 10; i++) {
            simulator.sendAudio(Tones.sineFrame(i, 400, 4000));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> agentSide.frames.size() == 10);
    }

    @Test
    void silentLineIsHungUpAfterTheMediaTimeoutButNotWhileOnHold() throws Exception {
        start(SipEndpointConfig.loopback().withMediaTimeout(Duration.ofMillis(800)));
        RecordingLineListener agentSide = new RecordingLineListener();
        DialledCall agent = dialer.dial(endpoint.uriFor("7000"), agentSide, Duration.ofSeconds(5));
        agent.hold();
        await().atMost(Duration.ofSeconds(5)).until(() -> handler.listeners.size() == 1);
        RecordingLineListener simulatorSide = handler.listeners.get(0);

        await().during(Duration.ofMillis(2000)).atMost(Duration.ofSeconds(3)).until(() -> simulatorSide.hangUps.isEmpty());
        agent.resume();

        await().atMost(Duration.ofSeconds(5)).until(() -> !simulatorSide.hangUps.isEmpty());
        assertThat(simulatorSide.hangUps).containsExactly("media timeout");
        assertThat(simulatorSide.drops).as("a silent line is reported as dropped, not hung up").containsExactly("media timeout");
        await().atMost(Duration.ofSeconds(5)).until(() -> agentSide.hangUps.contains("remote hung up"));
    }

    @Test
    void reInviteMovesTheRtpDestination() throws Exception {
        start(SipEndpointConfig.loopback());
        try (RawSipPeer peer = new RawSipPeer(endpoint.port());
                DatagramSocket firstRtp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                DatagramSocket movedRtp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            peer.send(peer.invite("moving", RawSipPeer.sdpOffer(firstRtp.getLocalPort(), "8")));
            String ok = peer.receiveFinal();
            assertThat(statusLine(ok)).isEqualTo("SIP/2.0 200 OK");
            String toTag = RawSipPeer.header(ok, "To").replaceAll(".*;tag=([^;\\s]+).*", "$1");
            peer.send(peer.ackFor(ok, "moving"));
            await().atMost(Duration.ofSeconds(5)).until(() -> handler.lines.size() == 1);

            peer.send(peer.request("INVITE", "moving", 2, toTag, "Content-Type: application/sdp\r\n",
                    RawSipPeer.sdpOffer(movedRtp.getLocalPort(), "8")));
            String reOk = peer.receiveFinal();
            assertThat(statusLine(reOk)).isEqualTo("SIP/2.0 200 OK");
            assertThat(reOk).contains("a=sendrecv").contains("m=audio " + RawSipPeer.sdpAudioPort(ok) + " RTP/AVP 8");
            peer.send(peer.request("ACK", "moving", 2, toTag, "", null));

            handler.lines.get(0).sendAudio(Tones.sineFrame(0, 1000, 8000));
            movedRtp.setSoTimeout(5000);
            DatagramPacket received = new DatagramPacket(new byte[2048], 2048);
            movedRtp.receive(received);
            RtpPacket packet = RtpPacket.parse(received.getData(), received.getLength());
            assertThat(packet.payloadType()).isEqualTo(8);
            assertThat(packet.payloadLength()).isEqualTo(160);
            assertThat(handler.listeners.get(0).events).isEmpty();
        }
    }

    @Test
    void unansweredDialIsCancelledAndNeverReachesTheHandler() throws Exception {
        start(SipEndpointConfig.loopback().withAnswerDelay(Duration.ofSeconds(3)));

        assertThatThrownBy(() -> dialer.dial(endpoint.uriFor("7000"), new RecordingLineListener(), Duration.ofMillis(500)))
                .isInstanceOf(DialFailedException.class).hasMessageContaining("no answer");

        await().atMost(Duration.ofSeconds(2)).until(() -> endpoint.activeCalls() == 0);
        await().during(Duration.ofMillis(3000)).atMost(Duration.ofSeconds(4)).until(() -> handler.lines.isEmpty());
    }

    @Test
    void rejectedDialReportsTheStatus() throws Exception {
        start(SipEndpointConfig.loopback());
        try (RawSipPeer fakeTarget = new RawSipPeer(1)) {
            // dial a raw socket that answers 486 Busy Here
            Thread answerer = new Thread(() -> {
                try {
                    String invite = fakeTarget.receive();
                    String busy = "SIP/2.0 486 Busy Here\r\n" + copyHeaders(invite) + "Content-Length: 0\r\n\r\n";
                    String via = RawSipPeer.header(invite, "Via");
                    int port = Integer.parseInt(via.replaceAll("^SIP/2.0/UDP [^:]+:(\\d+).*$", "$1"));
                    byte[] bytes = busy.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    try (DatagramSocket reply = new DatagramSocket()) {
                        reply.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            answerer.start();

            assertThatThrownBy(() -> dialer.dial("sip:7000@127.0.0.1:" + fakeTarget.port(), new RecordingLineListener(), Duration.ofSeconds(5)))
                    .isInstanceOfSatisfying(DialFailedException.class, e -> assertThat(e.statusCode()).isEqualTo(486));
            answerer.join(5000);
        }
    }

    private static String copyHeaders(String request) {
        StringBuilder headers = new StringBuilder();
        for (String name : new String[] {"Via", "From", "To", "Call-ID", "CSeq"}) {
            String value = RawSipPeer.header(request, name);
            headers.append(name).append(": ").append(name.equals("To") ? value + ";tag=busy" : value).append("\r\n");
        }
        return headers.toString();
    }
}
