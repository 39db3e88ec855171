package callsim.telephony;

import static callsim.telephony.RawSipPeer.statusLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hostile or careless peers at the SIP endpoint, over real UDP on loopback (issue 15, findings 4, 6, 7, 11). */
class SipEndpointHostilePeerTest {
    private final RecordingCallHandler handler = new RecordingCallHandler();
    private final CapturedLog endpointLog = new CapturedLog(SipEndpoint.class.getName(), AllowedPeers.class.getName());
    private SipEndpoint endpoint;
    private RawSipPeer peer;

    private void start(SipEndpointConfig config) throws Exception {
        endpoint = SipEndpoint.start(config, handler);
        peer = new RawSipPeer(endpoint.port());
    }

    @AfterEach
    void stop() {
        if (peer != null) peer.close();
        if (endpoint != null) endpoint.close();
        endpointLog.close();
    }

    @Test
    void anSdpAddressThatIsNotAnIpAddressIsRefusedWith488BeforeAnswering() throws Exception {
        start(SipEndpointConfig.loopback());
        for (String address : List.of("999.1.1.1", "nonexistent.invalid")) {
            String sdp = RawSipPeer.sdpOffer(40000, "0").replace("c=IN IP4 127.0.0.1", "c=IN IP4 " + address);
            peer.send(peer.invite("bad-c-" + address, sdp));

            assertThat(statusLine(peer.receiveFinal())).as(address).isEqualTo("SIP/2.0 488 Not Acceptable Here");
        }
        assertThat(endpoint.activeCalls()).isZero();
        assertThat(handler.lines).isEmpty();
        assertThat(endpointLog.warningsContaining("is not an IP address")).hasSize(2);
    }

    @Test
    void invitesNeverAcknowledgedReleaseTheirRtpPortsWithinTheAckTimeout() throws Exception {
        int port = freeEvenPort();
        start(SipEndpointConfig.loopback().withRtpPorts(new PortRange(port, port + 1)).withAckTimeout(Duration.ofMillis(600)));

        peer.send(peer.invite("never-acked", RawSipPeer.sdpOffer(40000, "0")));
        assertThat(statusLine(peer.receiveFinal())).isEqualTo("SIP/2.0 200 OK");
        peer.send(peer.invite("no-port-left", RawSipPeer.sdpOffer(40002, "0")));
        assertThat(statusLine(peer.receiveFinal())).isEqualTo("SIP/2.0 503 Service Unavailable");

        // The one RTP port comes back once the first call's ACK is overdue (not after JAIN-SIP's 32 s).
        await().atMost(Duration.ofSeconds(3)).until(() -> endpoint.activeCalls() == 0);
        try (SipDialer dialer = SipDialer.start(SipEndpointConfig.loopback())) {
            DialledCall call = dialer.dial(endpoint.uriFor("7000"), new RecordingLineListener(), Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(5)).until(() -> handler.lines.size() == 1);
            call.hangUp();
        }
    }

    @Test
    void oneAddressCannotHoldMoreThanAFewUnacknowledgedCalls() throws Exception {
        start(SipEndpointConfig.loopback());
        for (int i = 0; i < EndpointRequestHandler.MAX_UNACKNOWLEDGED_PER_PEER; i++) {
            peer.send(peer.invite("flood-" + i, RawSipPeer.sdpOffer(40000 + 2 * i, "0")));
            assertThat(statusLine(peer.receiveFinal())).isEqualTo("SIP/2.0 200 OK");
        }
        peer.send(peer.invite("flood-over", RawSipPeer.sdpOffer(40100, "0")));

        assertThat(statusLine(peer.receiveFinal())).isEqualTo("SIP/2.0 503 Service Unavailable");
        assertThat(endpoint.activeCalls()).isEqualTo(EndpointRequestHandler.MAX_UNACKNOWLEDGED_PER_PEER);
    }

    @Test
    void aFloodOfGarbageDatagramsLogsAFewLinesNotOnePerDatagram() throws Exception {
        start(SipEndpointConfig.loopback());
        for (int i = 0; i < 300; i++) {
            peer.sendBytes(("garbage " + i + " \u00ff\u00fe\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        // Under a flood JAIN-SIP may shed a request (congestion control); a real phone retransmits, so do we.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            try (RawSipPeer probe = new RawSipPeer(endpoint.port())) {
                probe.send(probe.request("OPTIONS", "after-the-flood", 1, null, "", null));
                assertThat(statusLine(probe.receiveFinal())).isEqualTo("SIP/2.0 200 OK");
            }
        });

        assertThat(endpointLog.warningsContaining("unparseable SIP datagram")).hasSizeBetween(1, 10);
    }

    @Test
    void aPeerOutsideTheAllowedAddressesIsRefusedWith403AndLoggedOncePerMinute() throws Exception {
        start(SipEndpointConfig.loopback().withAllow(List.of("192.0.2.0/24")));
        for (int i = 0; i < 5; i++) {
            peer.send(peer.invite("not-allowed-" + i, RawSipPeer.sdpOffer(40000, "0")));
            assertThat(statusLine(peer.receiveFinal())).isEqualTo("SIP/2.0 403 Forbidden");
        }

        assertThat(endpoint.activeCalls()).isZero();
        assertThat(handler.lines).isEmpty();
        assertThat(endpointLog.warningsContaining("refused SIP INVITE from 127.0.0.1")).hasSize(1);
    }

    @Test
    void byDefaultAnEndpointOnLoopbackServesLoopbackPeers() throws Exception {
        start(SipEndpointConfig.loopback());
        peer.send(peer.request("OPTIONS", "loopback-allowed", 1, null, "", null));

        assertThat(statusLine(peer.receiveFinal())).isEqualTo("SIP/2.0 200 OK");
    }

    @Test
    void aNumberTheHandlerRefusesGets404BeforeAnswering() throws Exception {
        endpoint = SipEndpoint.start(SipEndpointConfig.loopback(), new CallHandler() {
            @Override
            public LineListener callStarted(CallLine line) {
                return handler.callStarted(line);
            }

            @Override
            public java.util.Optional<String> refusal(String dialled) {
                return dialled.equals("7000") ? java.util.Optional.empty() : java.util.Optional.of("no scenario '" + dialled + "'");
            }
        });
        peer = new RawSipPeer(endpoint.port());
        String invite = peer.invite("mistyped", RawSipPeer.sdpOffer(40000, "0")).replace("INVITE sip:7000@", "INVITE sip:warranty-refusd@");

        peer.send(invite);

        assertThat(statusLine(peer.receiveFinal())).startsWith("SIP/2.0 404 ");
        assertThat(endpointLog.warningsContaining("no scenario 'warranty-refusd'")).hasSize(1);
        assertThat(endpoint.activeCalls()).isZero();
    }

    @Test
    void callsWhileTheHandlerIsNotReadyGet503() throws Exception {
        endpoint = SipEndpoint.start(SipEndpointConfig.loopback(), new CallHandler() {
            @Override
            public LineListener callStarted(CallLine line) {
                return handler.callStarted(line);
            }

            @Override
            public boolean ready() {
                return false;
            }
        });
        peer = new RawSipPeer(endpoint.port());

        peer.send(peer.invite("too-early", RawSipPeer.sdpOffer(40000, "0")));

        assertThat(statusLine(peer.receiveFinal())).isEqualTo("SIP/2.0 503 Service Unavailable");
        assertThat(endpoint.activeCalls()).isZero();
    }

    private static int freeEvenPort() throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
                int port = probe.getLocalPort();
                if (port % 2 == 0 && port < 65535) return port;
            }
        }
        throw new AssertionError("no free even UDP port found");
    }
}
