package callsim.telephony;

import static callsim.telephony.RawSipPeer.statusLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SIP digest authentication per agent (issue 15, finding 11): only the agent with the password calls as that agent. */
class SipDigestAuthTest {
    private static final String REALM = SipCredentials.DEFAULT_REALM;
    private final RecordingCallHandler handler = new RecordingCallHandler();
    private final CapturedLog endpointLog = new CapturedLog(SipEndpoint.class.getName());
    private SipEndpoint endpoint;
    private RawSipPeer peer;

    @BeforeEach
    void start() throws Exception {
        Map<String, String> accounts = Map.of("agent", DigestAuthenticator.md5("agent:" + REALM + ":s3cret"));
        endpoint = SipEndpoint.start(SipEndpointConfig.loopback(), handler, user -> Optional.ofNullable(accounts.get(user)));
        peer = new RawSipPeer(endpoint.port());
    }

    @AfterEach
    void stop() {
        peer.close();
        endpoint.close();
        endpointLog.close();
    }

    @Test
    void aCallWithoutCredentialsIsChallengedAndTheRightPasswordGetsThrough() throws Exception {
        String challenge = inviteExpecting("auth-ok", null, "SIP/2.0 401 Unauthorized");
        assertThat(RawSipPeer.header(challenge, "WWW-Authenticate")).contains("Digest").contains("realm=\"" + REALM + "\"");

        String ok = inviteExpecting("auth-ok", authorization("agent", "s3cret", challenge), "SIP/2.0 200 OK");

        peer.send(peer.ackFor(ok, "auth-ok").replace("CSeq: 1 ACK", "CSeq: 2 ACK"));
        await().atMost(Duration.ofSeconds(5)).until(() -> handler.lines.size() == 1);
        assertThat(handler.lines.get(0).remoteParty()).contains("sip:agent@");
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        String challenge = inviteExpecting("auth-wrong", null, "SIP/2.0 401 Unauthorized");

        inviteExpecting("auth-wrong", authorization("agent", "guess", challenge), "SIP/2.0 403 Forbidden");

        assertThat(handler.lines).isEmpty();
        assertThat(endpointLog.warningsContaining("wrong user name or password")).hasSize(1);
    }

    @Test
    void anAgentCannotCallAsAnotherOne() throws Exception {
        String challenge = inviteExpecting("auth-other", null, "SIP/2.0 401 Unauthorized");
        String asSomeoneElse = peer.invite("auth-other", RawSipPeer.sdpOffer(40000, "0"))
                .replace("From: <sip:agent@", "From: <sip:201@");

        peer.send(withAuthorization(asSomeoneElse, 2, authorization("agent", "s3cret", challenge)));

        String response;
        do {
            response = peer.receiveFinal();
        } while (!RawSipPeer.header(response, "CSeq").startsWith("2 "));
        assertThat(statusLine(response)).isEqualTo("SIP/2.0 403 Forbidden");
        assertThat(endpointLog.warningsContaining("authenticated as 'agent' but calling as '201'")).hasSize(1);
        assertThat(handler.lines).isEmpty();
    }

    private String inviteExpecting(String callId, String authorization, String status) throws Exception {
        String invite = peer.invite(callId, RawSipPeer.sdpOffer(40000, "0"));
        if (authorization != null) invite = withAuthorization(invite, 2, authorization);
        peer.send(invite);
        String cseq = RawSipPeer.header(invite, "CSeq");
        String response;
        do {
            response = peer.receiveFinal();
        } while (!RawSipPeer.header(response, "CSeq").equals(cseq)); // a retransmitted earlier answer
        assertThat(statusLine(response)).isEqualTo(status);
        if (!status.contains(" 200 ")) {  // the ACK of a failure belongs to the INVITE's transaction
            peer.send(peer.ackFor(response, callId).replaceFirst("Via: [^\r]*", "Via: " + RawSipPeer.header(invite, "Via")));
        }
        return response;
    }

    private static String withAuthorization(String invite, int cseq, String authorization) {
        return invite.replace("CSeq: 1 INVITE", "CSeq: " + cseq + " INVITE")
                .replace("Max-Forwards: 70\r\n", "Max-Forwards: 70\r\nAuthorization: " + authorization + "\r\n");
    }

    /** What a phone sends back: RFC 2617 with qop=auth. */
    private String authorization(String user, String password, String challenge) {
        String nonce = param(RawSipPeer.header(challenge, "WWW-Authenticate"), "nonce");
        String uri = "sip:7000@127.0.0.1:" + endpoint.port();
        String ha1 = DigestAuthenticator.md5(user + ":" + REALM + ":" + password);
        String ha2 = DigestAuthenticator.md5("INVITE:" + uri);
        String response = DigestAuthenticator.md5(ha1 + ":" + nonce + ":00000001:0a4f113b:auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + REALM + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"0a4f113b\"";
    }

    private static String param(String header, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(header);
        if (!m.find()) throw new AssertionError("no " + name + " in " + header);
        return m.group(1);
    }
}
