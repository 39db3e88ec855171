package callsim.telephony;

import static callsim.telephony.RawSipPeer.statusLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Raw datagrams at the endpoint: each bad input gets its exact response and a log line, and service goes on. */
class SipEndpointBadInputTest {
    private final RecordingCallHandler handler = new RecordingCallHandler();
    private final CapturedLog endpointLog = new CapturedLog(SipEndpoint.class.getName());
    private final CapturedLog rtpLog = new CapturedLog(RtpSession.class.getName());
    private SipEndpoint endpoint;
    private RawSipPeer peer;

    @BeforeEach
    void start() throws Exception {
        endpoint = SipEndpoint.start(SipEndpointConfig.loopback().withAnswerDelay(Duration.ofMillis(300)), handler);
        peer = new RawSipPeer(endpoint.port());
    }

    @AfterEach
    void stop() {
        peer.close();
        endpoint.close();
        endpointLog.close();
        rtpLog.close();
    }

    @Test
    void optionsIsAnsweredWithAllow() throws Exception {
        peer.send(peer.request("OPTIONS", "options-1", 1, null, "", null));

        String response = peer.receiveFinal();
        assertThat(statusLine(response)).isEqualTo("SIP/2.0 200 OK");
        assertThat(RawSipPeer.header(response, "Allow")).isEqualTo("INVITE, ACK, CANCEL, BYE, OPTIONS");
    }

    @Test
    void garbageDatagramsAreDroppedWithALogLineAndTheEndpointStillServes() throws Exception {
        peer.send("HELLO WORLD\r\n\r\n");
        peer.send("INVITE garbage\r\nVia: nonsense\r\n\r\n");
        peer.sendBytes("\u00ff\u00fe not sip at all".getBytes(StandardCharsets.ISO_8859_1));

        peer.send(peer.request("OPTIONS", "options-after-garbage", 1, null, "", null));
        assertThat(statusLine(peer.receiveFinal())).isEqualTo("SIP/2.0 200 OK");
        assertThat(endpointLog.warningsContaining("unparseable SIP datagram")).hasSize(3);
        assertServesNormalCall();
    }

    @Test
    void inviteWithGarbledSdpGets400() throws Exception {
        peer.send(peer.invite("garbled-sdp", "this is not SDP at all\r\n"));

        assertThat(statusLine(peer.receiveFinal())).isEqualTo("SIP/2.0 400 Bad Request");
        assertThat(endpointLog.warningsContaining("malformed SDP")).hasSize(1);
        assertThat(endpoint.activeCalls()).isZero();
        assertServesNormalCall();
    }

    @Test
    void inviteWithoutSdpGets488() throws Exception {
        peer.send(peer.invite("no-sdp", null));

        assertThat(statusLine(peer.receiveFinal())).isEqualTo("SIP/2.0 488 Not Acceptable Here");
        assertThat(endpointLog.warningsContaining("no SDP offer")).hasSize(1);
        assertServesNormalCall();
    }

    @Test
    void offerWithoutPcmuOrPcmaGets488() throws Exception {
        peer.send(peer.invite("opus-only", RawSipPeer.sdpOffer(40000, "96 9") + "a=rtpmap:96 opus/48000/2\r\n"));

        assertThat(statusLine(peer.receiveFinal())).isEqualTo("SIP/2.0 488 Not Acceptable Here");
        assertThat(endpointLog.warningsContaining("no common codec")).hasSize(1);
        assertServesNormalCall();
    }

    @Test
    void byeForAnUnknownCallGets481() throws Exception {
        peer.send(peer.request("BYE", "no-such-call", 2, "sometag", "", null));

        assertThat(statusLine(peer.receiveFinal())).isEqualTo("SIP/2.0 481 Call/Transaction Does Not Exist");
        assertServesNormalCall();
    }

    @Test
    void cancelBeforeAnswerGets200ThenTheInviteGets487() throws Exception {
        endpoint.close();
        endpoint = SipEndpoint.start(SipEndpointConfig.loopback().withAnswerDelay(Duration.ofSeconds(3)), handler);
        peer.close();
        peer = new RawSipPeer(endpoint.port());
        String invite = peer.invite("cancel-me", RawSipPeer.sdpOffer(40000, "0"));
        peer.send(invite);
        assertThat(statusLine(peer.receive())).isEqualTo("SIP/2.0 100 Trying");
        assertThat(statusLine(peer.receive())).isEqualTo("SIP/2.0 180 Ringing");

        String branch = RawSipPeer.header(invite, "Via");
        peer.send(peer.request("CANCEL", "cancel-me", 1, null, "", null).replaceFirst("Via: [^\r]*", "Via: " + branch));

        String first = peer.receive();
        String second = peer.receive();
        String cancelResponse = RawSipPeer.header(first, "CSeq").endsWith("CANCEL") ? first : second;
        String inviteResponse = cancelResponse == first ? second : first;
        assertThat(statusLine(cancelResponse)).isEqualTo("SIP/2.0 200 OK");
        assertThat(statusLine(inviteResponse)).isEqualTo("SIP/2.0 487 Request Terminated");
        peer.send(peer.ackFor(inviteResponse, "cancel-me").replaceFirst("Via: [^\r]*", "Via: " + branch));
        await().atMost(Duration.ofSeconds(2)).until(() -> endpoint.activeCalls() == 0);
        await().during(Duration.ofMillis(3500)).atMost(Duration.ofSeconds(5)).until(() -> handler.lines.isEmpty());
    }

    @Test
    void rtpFromAStrangerIsIgnoredWithOneLogLineWhileAgentAudioFlows() throws Exception {
        try (DatagramSocket agentRtp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                DatagramSocket strangerRtp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            peer.send(peer.invite("stranger-rtp", RawSipPeer.sdpOffer(agentRtp.getLocalPort(), "0")));
            String ok = peer.receiveFinal();
            assertThat(statusLine(ok)).isEqualTo("SIP/2.0 200 OK");
            peer.send(peer.ackFor(ok, "stranger-rtp"));
            await().atMost(Duration.ofSeconds(5)).until(() -> handler.listeners.size() == 1);
            RecordingLineListener simulatorSide = handler.listeners.get(0);
            InetSocketAddress endpointRtp = new InetSocketAddress(InetAddress.getLoopbackAddress(), RawSipPeer.sdpAudioPort(ok));

            for (int i = 0; i < 20; i++) {
                send(strangerRtp, endpointRtp, i, Tones.sineFrame(i, 3000, 8000));
                send(agentRtp, endpointRtp, i, Tones.sineFrame(i, 1000, 8000));
            }

            await().atMost(Duration.ofSeconds(5)).until(() -> simulatorSide.frames.size() >= 20);
            assertThat(simulatorSide.frames).hasSize(20)
                    .allSatisfy(frame -> assertThat(Tones.toneShare(frame, 1000)).isGreaterThan(0.95));
            assertThat(rtpLog.warningsContaining("unexpected source")).hasSize(1);
        }
    }

    private static void send(DatagramSocket from, InetSocketAddress to, int index, short[] frame) throws Exception {
        byte[] wire = new RtpPacket(index == 0, 0, index, 160L * index, 1234, G711.encodeUlaw(frame)).toBytes();
        from.send(new DatagramPacket(wire, wire.length, to));
    }

    private void assertServesNormalCall() throws Exception {
        int before = handler.lines.size();
        try (SipDialer dialer = SipDialer.start(SipEndpointConfig.loopback())) {
            RecordingLineListener agentSide = new RecordingLineListener();
            DialledCall call = dialer.dial(endpoint.uriFor("7000"), agentSide, Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(5)).until(() -> handler.lines.size() == before + 1);
            call.sendAudio(Tones.sineFrame(0, 1000, 8000));
            await().atMost(Duration.ofSeconds(5)).until(() -> !handler.listeners.get(before).frames.isEmpty());
            call.hangUp();
            await().atMost(Duration.ofSeconds(5)).until(() -> !handler.listeners.get(before).hangUps.isEmpty());
        }
    }
}
