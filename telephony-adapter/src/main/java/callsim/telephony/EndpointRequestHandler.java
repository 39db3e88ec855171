package callsim.telephony;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.DatagramSocket;
import java.util.concurrent.TimeUnit;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The SIP side of {@link SipEndpoint}: turns requests into call actions and answers every request
 * that deserves an answer, logging one line for each one it refuses. JAIN-SIP delivers events on
 * one thread, so the handler itself keeps no locks.
 */
final class EndpointRequestHandler implements SipListener {
    private static final System.Logger LOG = System.getLogger(SipEndpoint.class.getName());
    private static final String ALLOWED_METHODS = "INVITE, ACK, CANCEL, BYE, OPTIONS";
    /** Calls from one address that may wait for their ACK at once; a flood of unacknowledged INVITEs stops here. */
    static final int MAX_UNACKNOWLEDGED_PER_PEER = 4;

    private final SipEndpoint endpoint;
    private final CallHandler handler;
    private final AllowedPeers allowed;
    /** Refusals of malformed or stray requests: a few a minute per sending address, then a count. */
    private final RateLimitedLog refusals = RateLimitedLog.perMinute(LOG, 10);
    private final DigestAuthenticator digest; // null: calls are not authenticated
    private volatile SipAgent agent;

    EndpointRequestHandler(SipEndpoint endpoint, CallHandler handler, AllowedPeers allowed, SipCredentials credentials) {
        this.endpoint = endpoint;
        this.handler = handler;
        this.allowed = allowed;
        this.digest = credentials == null ? null : new DigestAuthenticator(credentials);
    }

    void attach(SipAgent startedAgent) {
        this.agent = startedAgent;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        if (agent == null) {
            return; // not started yet: the sender retransmits
        }
        if (!allowed.admit(source(request), "SIP " + request.getMethod())) {
            if (!Request.ACK.equals(request.getMethod())) respondQuietly(event, Response.FORBIDDEN);
            return;
        }
        try {
            switch (request.getMethod()) {
                case Request.INVITE -> onInvite(event);
                case Request.ACK -> onAck(request);
                case Request.BYE -> onBye(event);
                case Request.CANCEL -> onCancel(event);
                case Request.OPTIONS -> onOptions(event);
                default -> {
                    refused(request, () -> "refused " + request.getMethod() + " from " + describeSender(request)
                            + ": method not supported");
                    Response refusal = SipMessages.response(agent.messages, Response.METHOD_NOT_ALLOWED, request);
                    refusal.addHeader(agent.headers.createAllowHeader(ALLOWED_METHODS));
                    respond(event, refusal);
                }
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "failed to handle {0} from {1}: {2}", request.getMethod(), describeSender(request), e.toString());
            if (!Request.ACK.equals(request.getMethod())) {
                respondQuietly(event, Response.SERVER_INTERNAL_ERROR);
            }
        }
    }

    private void onInvite(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        String callId = SipMessages.callId(request);
        InboundCall existing = endpoint.calls().get(callId);
        String toTag = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag();
        if (existing == null && toTag != null) {
            refused(request, () -> "refused re-INVITE for unknown call " + callId + " from " + describeSender(request));
            respond(event, SipMessages.response(agent.messages, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
            return;
        }
        ServerTransaction transaction = serverTransaction(event);
        if (transaction == null) {
            return; // a retransmission the stack already answers
        }
        if (existing == null && digest != null && !authenticated(transaction, callId)) {
            return;
        }
        if (existing == null) {
            transaction.sendResponse(SipMessages.response(agent.messages, Response.TRYING, request));
        }
        SdpDescription offer;
        NegotiatedMedia media;
        if (!SipMessages.hasSdpBody(request)) {
            reject(transaction, Response.NOT_ACCEPTABLE_HERE, callId, "INVITE carries no SDP offer (offerless INVITE not supported)");
            return;
        }
        try {
            offer = Sdp.parse(SipMessages.body(request));
        } catch (SdpFormatException e) {
            reject(transaction, existing == null ? Response.BAD_REQUEST : Response.NOT_ACCEPTABLE_HERE, callId, "malformed SDP: " + e.getMessage());
            return;
        }
        try {
            media = Sdp.negotiate(offer);
        } catch (NoCommonCodecException e) {
            reject(transaction, Response.NOT_ACCEPTABLE_HERE, callId, e.getMessage());
            return;
        }
        try {
            SipMessages.rtpTarget(offer);
        } catch (IllegalArgumentException e) {
            reject(transaction, Response.NOT_ACCEPTABLE_HERE, callId, "SDP c= address '" + offer.connectionAddress()
                    + "' is not an IP address we can send audio to");
            return;
        }
        if (existing != null) {
            existing.reInvite(transaction, offer, media);
            return;
        }
        java.net.InetAddress peer = source(request);
        long waiting = endpoint.calls().values().stream().filter(c -> c.awaitingAck() && peer.equals(c.peer())).count();
        if (waiting >= MAX_UNACKNOWLEDGED_PER_PEER) {
            reject(transaction, Response.SERVICE_UNAVAILABLE, callId, waiting + " calls from " + peer.getHostAddress()
                    + " are already waiting for their ACK");
            return;
        }
        if (!handler.ready()) {
            reject(transaction, Response.SERVICE_UNAVAILABLE, callId, "still starting (loading speech); call again in a minute");
            return;
        }
        java.util.Optional<String> refusal = handler.refusal(SipMessages.dialledUser(request));
        if (refusal.isPresent()) {
            reject(transaction, Response.NOT_FOUND, callId, refusal.get());
            return;
        }
        DatagramSocket rtpSocket;
        try {
            rtpSocket = endpoint.rtpPorts().open();
        } catch (IOException e) {
            reject(transaction, Response.SERVICE_UNAVAILABLE, callId, e.getMessage());
            return;
        }
        agent.provider.getNewDialog(transaction);
        InboundCall call = new InboundCall(agent, request, transaction, offer, media, rtpSocket,
                endpoint.config().mediaTimeout(), peer, ended -> endpoint.calls().remove(ended.callId(), ended));
        endpoint.calls().put(callId, call);
        endpoint.answerTimer().schedule(() -> {
            if (call.awaitingAck()) {
                LOG.log(Level.INFO, "call {0} from {1}: no ACK within {2} ms of the answer; releasing it", callId,
                        peer.getHostAddress(), endpoint.config().ackTimeout().toMillis());
                call.ackTimedOut();
            }
        }, endpoint.config().answerDelay().plus(endpoint.config().ackTimeout()).toMillis(), TimeUnit.MILLISECONDS);
        long delayMillis = endpoint.config().answerDelay().toMillis();
        if (delayMillis == 0) {
            call.answer();
        } else {
            call.ring();
            endpoint.answerTimer().schedule(() -> answerLater(call), delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void answerLater(InboundCall call) {
        try {
            call.answer();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "call {0}: could not answer: {1}", call.callId(), e.toString());
            call.end("answer failed", false);
        }
    }

    private void onAck(Request request) {
        InboundCall call = endpoint.calls().get(SipMessages.callId(request));
        if (call != null) {
            call.acknowledged(handler);
        }
    }

    private void onBye(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        InboundCall call = endpoint.calls().get(SipMessages.callId(request));
        if (call == null) {
            refused(request, () -> "refused BYE for unknown call " + SipMessages.callId(request) + " from "
                    + describeSender(request));
            respond(event, SipMessages.response(agent.messages, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
            return;
        }
        ServerTransaction transaction = serverTransaction(event);
        if (transaction != null) {
            call.remoteBye(transaction);
        }
    }

    private void onCancel(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        InboundCall call = endpoint.calls().get(SipMessages.callId(request));
        if (call == null) {
            refused(request, () -> "refused CANCEL for unknown call " + SipMessages.callId(request) + " from "
                    + describeSender(request));
            respond(event, SipMessages.response(agent.messages, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
            return;
        }
        respond(event, SipMessages.response(agent.messages, Response.OK, request));
        call.cancel(); // no effect once answered (RFC 3261 section 9.2)
    }

    private void onOptions(RequestEvent event) throws Exception {
        Response ok = SipMessages.response(agent.messages, Response.OK, event.getRequest());
        ok.addHeader(agent.headers.createAllowHeader(ALLOWED_METHODS));
        ok.addHeader(agent.headers.createAcceptHeader("application", "sdp"));
        ok.addHeader(agent.serverHeader());
        respond(event, ok);
    }

    /** Digest authentication of a new call: true to go on; otherwise it was answered 401 (challenge) or 403. */
    private boolean authenticated(ServerTransaction transaction, String callId) throws Exception {
        Request request = transaction.getRequest();
        DigestAuthenticator.Verdict verdict = digest.check(request);
        if (verdict.kind() == DigestAuthenticator.Verdict.Kind.AUTHENTICATED) return true;
        if (verdict.kind() == DigestAuthenticator.Verdict.Kind.FORBIDDEN) {
            reject(transaction, Response.FORBIDDEN, callId, verdict.reason());
            return false;
        }
        // A challenge is the normal first answer to a phone with an account: not worth a warning.
        LOG.log(Level.DEBUG, "call {0}: challenging {1} ({2})", callId, describeSender(request), verdict.reason());
        Response challenge = SipMessages.response(agent.messages, Response.UNAUTHORIZED, request);
        SipMessages.setToTag(challenge, SipAgent.newTag());
        javax.sip.header.WWWAuthenticateHeader header = agent.headers.createWWWAuthenticateHeader("Digest");
        header.setRealm(digest.realm());
        header.setNonce(digest.nonce());
        header.setAlgorithm("MD5");
        header.setQop("auth");
        if (verdict.stale()) header.setStale(true);
        challenge.addHeader(header);
        transaction.sendResponse(challenge);
        return false;
    }

    private void reject(ServerTransaction transaction, int status, String callId, String why) throws Exception {
        Request request = transaction.getRequest();
        refused(request, () -> "rejected INVITE " + callId + " from " + describeSender(request) + " with " + status
                + ": " + why);
        Response response = SipMessages.response(agent.messages, status, request);
        SipMessages.setToTag(response, SipAgent.newTag());
        transaction.sendResponse(response);
    }

    /** The request's server transaction, creating it if needed; null for a retransmission. */
    private ServerTransaction serverTransaction(RequestEvent event) throws Exception {
        if (event.getServerTransaction() != null) {
            return event.getServerTransaction();
        }
        try {
            return agent.provider.getNewServerTransaction(event.getRequest());
        } catch (TransactionAlreadyExistsException retransmission) {
            return null;
        }
    }

    /** Answers through the request's transaction when there is one, else statelessly. */
    private void respond(RequestEvent event, Response response) throws Exception {
        ServerTransaction transaction = event.getServerTransaction();
        if (transaction != null) {
            transaction.sendResponse(response);
        } else {
            agent.provider.sendResponse(response);
        }
    }

    private void respondQuietly(RequestEvent event, int status) {
        try {
            respond(event, SipMessages.response(agent.messages, status, event.getRequest()));
        } catch (Exception ignored) {
            // already logged the original failure; nothing more to do for this request
        }
    }

    /** One warning line about a refused request, rate-limited per sending address. */
    private void refused(Request request, java.util.function.Supplier<String> line) {
        refusals.log(Level.WARNING, "SIP requests refused from " + source(request), line);
    }

    /** The address the request's datagram came from (not what its headers claim). */
    private static java.net.InetAddress source(Request request) {
        gov.nist.javax.sip.message.SIPMessage message = (gov.nist.javax.sip.message.SIPMessage) request;
        java.net.InetAddress address = message.getPeerPacketSourceAddress();
        return address != null ? address : message.getRemoteAddress();
    }

    private static String describeSender(Request request) {
        try {
            return SipMessages.fromUri(request);
        } catch (RuntimeException e) {
            return "unknown sender";
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        if (response.getStatusCode() >= 300) {
            LOG.log(Level.DEBUG, "call {0}: {1} answered {2}", SipMessages.callId(response), response.getStatusCode(), response.getReasonPhrase());
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        LOG.log(Level.DEBUG, "SIP transaction timed out: {0}", event.getTimeout());
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.log(Level.WARNING, "SIP I/O error towards {0}:{1,number,#}", event.getHost(), event.getPort());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // nothing to clean up: calls end on BYE, CANCEL, hang-up or dialog termination
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        InboundCall call = endpoint.calls().get(event.getDialog().getCallId().getCallId());
        if (call != null) {
            call.dialogTerminated();
        }
    }

}
