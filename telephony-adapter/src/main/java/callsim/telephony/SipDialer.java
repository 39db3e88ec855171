package callsim.telephony;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sip.ClientTransaction;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * A small SIP user agent client: phones a SIP URI (e.g. {@code sip:7000@127.0.0.1:5080}) offering
 * PCMU, PCMA and telephone-event, and runs the call's RTP like the endpoint does. Used by the
 * app's demo and by tests to drive {@link SipEndpoint}.
 */
public final class SipDialer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SipDialer.class.getName());

    private final SipEndpointConfig config;
    private final RtpPortAllocator rtpPorts;
    private final Map<String, DialledCall> calls = new ConcurrentHashMap<>();
    private final SipAgent agent;

    private SipDialer(SipEndpointConfig config) throws IOException {
        this.config = config;
        this.rtpPorts = new RtpPortAllocator(InetAddress.getByName(config.bindAddress()), config.rtpPorts());
        this.agent = SipAgent.start("dialer", config, new DialerSipHandler(calls));
    }

    /** Binds the dialer's SIP port (answerDelay of the config is not used). */
    public static SipDialer start(SipEndpointConfig config) throws IOException {
        return new SipDialer(config);
    }

    public int port() {
        return agent.port;
    }

    /**
     * Places a call and waits until it is answered and acknowledged.
     *
     * @throws DialFailedException when the target rejects the call, does not answer within
     *     {@code answerTimeout} (the attempt is then CANCELled) or cannot be reached
     * @throws IllegalArgumentException when {@code targetUri} is not a SIP URI
     */
    public DialledCall dial(String targetUri, LineListener listener, Duration answerTimeout) throws InterruptedException {
        SipURI target = parseTarget(targetUri);
        DatagramSocket rtpSocket;
        try {
            rtpSocket = rtpPorts.open();
        } catch (IOException e) {
            throw new DialFailedException("no RTP port for a call to " + targetUri, e);
        }
        String callId = agent.provider.getNewCallId().getCallId();
        DialledCall call = new DialledCall(agent, callId, targetUri, target.getUser() == null ? "" : target.getUser(),
                rtpSocket, config.mediaTimeout(), listener, ended -> calls.remove(ended.callId(), ended));
        calls.put(callId, call);
        ClientTransaction transaction;
        try {
            Request invite = newInvite(target, callId, call.offer(MediaDirection.SENDRECV));
            transaction = agent.provider.getNewClientTransaction(invite);
            agent.provider.getNewDialog(transaction);
            transaction.sendRequest();
        } catch (Exception e) {
            call.end("could not send INVITE", false);
            throw new DialFailedException("could not send INVITE to " + targetUri + ": " + e.getMessage(), e);
        }
        LOG.log(Level.INFO, "dialling {0} (call {1})", targetUri, callId);
        try {
            call.answeredFuture().get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return call;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof DialFailedException failed ? failed
                    : new DialFailedException("call to " + targetUri + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            call.abandon();
            cancel(transaction, callId);
            call.end("no answer", false);
            throw new DialFailedException("no answer from " + targetUri + " within " + answerTimeout.toMillis() + " ms", 0);
        } catch (InterruptedException e) {
            call.abandon();
            cancel(transaction, callId);
            throw e;
        }
    }

    /** Hangs up every call and releases the SIP port. */
    @Override
    public void close() {
        for (DialledCall call : List.copyOf(calls.values())) {
            call.hangUp();
        }
        agent.close();
    }

    private void cancel(ClientTransaction transaction, String callId) {
        try {
            Request cancel = transaction.createCancel();
            agent.provider.getNewClientTransaction(cancel).sendRequest();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "call {0}: could not send CANCEL: {1}", callId, e.getMessage());
        }
    }

    private SipURI parseTarget(String targetUri) {
        try {
            URI uri = agent.addresses.createURI(targetUri);
            if (uri instanceof SipURI sip) {
                return sip;
            }
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("not a SIP URI: '" + targetUri + "' (" + e.getMessage() + ")", e);
        }
        throw new IllegalArgumentException("not a SIP URI: '" + targetUri + "'");
    }

    private Request newInvite(SipURI target, String callId, String sdp) throws Exception {
        SipURI fromUri = agent.addresses.createSipURI("callsim", agent.host);
        Address fromAddress = agent.addresses.createAddress(fromUri);
        FromHeader from = agent.headers.createFromHeader(fromAddress, SipAgent.newTag());
        ToHeader to = agent.headers.createToHeader(agent.addresses.createAddress(target), null);
        CallIdHeader callIdHeader = agent.headers.createCallIdHeader(callId);
        CSeqHeader cseq = agent.headers.createCSeqHeader(1L, Request.INVITE);
        ViaHeader via = agent.headers.createViaHeader(agent.host, agent.port, "udp", null);
        MaxForwardsHeader maxForwards = agent.headers.createMaxForwardsHeader(70);
        Request invite = agent.messages.createRequest(target, Request.INVITE, callIdHeader, cseq, from, to, List.of(via), maxForwards);
        invite.addHeader(agent.contact("callsim"));
        invite.addHeader(agent.userAgentHeader());
        SipMessages.setSdp(invite, agent.headers, sdp);
        return invite;
    }
}
