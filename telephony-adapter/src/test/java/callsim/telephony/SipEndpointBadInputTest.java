package callsim.telephony;

import static callsim.telephony.RawSipPeer.statusLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SipEndpointBadInputTest {
    private final RecordingCallHandler handler = new RecordingCallHandler();
    private SipEndpoint endpoint;
    private RawSipPeer peer;

    @BeforeEach
    void start() throws Exception {
        endpoint = SipEndpoint.start(SipEndpointConfig.loopback(), handler);
        peer = new RawSipPeer(endpoint.port());
    }

    @AfterEach
    void stop() {
        peer.close();
        endpoint.close();
    }

    @Test
    void optionsIsAnsweredWithAllow() throws Exception {
        peer.send(peer.request("OPTIONS", "options-1", 1, null, "", null));

        String response = peer.receiveFinal();
        assertThat(statusLine(response)).isEqualTo("SIP/2.0 200 OK");
        assertThat(response).contains("Allow: INVITE, ACK, CANCEL, BYE, OPTIONS");
    }

    @Test
    void garbageDatagramsAreDroppedAndTheEndpointStillAnswers() throws Exception {
        peer.sendBytes(new byte[] {0, 1, 2, 3, (byte) 0xFF});
        peer.send("HELLO WORLD\r\n\r\n");
        peer.send("INVITE garbage\r\nVia: nonsense\r\n\r\n");
        peer.sendBytes("\u00ff\u00fe not sip at all".getBytes(StandardCharsets.ISO_8859_1));

        peer.send(peer.request("OPTIONS", "options-after-garbage", 1, null, "", null));
        assertThat(statusLine(peer.receiveFinal())).isEqualTo("SIP/2.0 200 OK");
    }
}
