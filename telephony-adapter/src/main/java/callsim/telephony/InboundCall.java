package callsim.telephony;

import java.lang.System.Logger.Level;
import java.net.DatagramSocket;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * One call the agent placed to the endpoint: SIP dialog state (ringing, answered, established,
 * ended), the hold state taken from the agent's SDP, and its {@link RtpSession}.
 */
final class InboundCall implements CallLine {
    private static final System.Logger LOG = System.getLogger(InboundCall.class.getName());

    private enum State { RINGING, ANSWERED, ESTABLISHED, ENDED }

    private final SipAgent agent;
    private final String callId;
    private final String remoteParty;
    private final String dialledNumber;
    private final ServerTransaction inviteTransaction;
    private final String localTag = SipAgent.newTag();
    private final RtpSession rtp;
    private final Consumer<InboundCall> onEnded;
    private final java.net.InetAddress peer;
    private final long sdpSessionId = ThreadLocalRandom.current().nextLong(1, Integer.MAX_VALUE);

    // guarded by this
    private State state = State.RINGING;
    private SdpDescription remoteSdp;
    private NegotiatedMedia media;
    private long sdpVersion = 1;
    private boolean onHold;
    private LineListener listener;

    InboundCall(SipAgent agent, Request invite, ServerTransaction inviteTransaction, SdpDescription offer,
            NegotiatedMedia media, DatagramSocket rtpSocket, Duration mediaTimeout, java.net.InetAddress peer,
            Consumer<InboundCall> onEnded) {
        this.agent = agent;
        this.peer = peer;
        this.callId = SipMessages.callId(invite);
        this.remoteParty = SipMessages.fromUri(invite);
        this.dialledNumber = SipMessages.dialledUser(invite);
        this.inviteTransaction = inviteTransaction;
        this.remoteSdp = offer;
        this.media = media;
        this.rtp = new RtpSession(rtpSocket, callId, mediaTimeout, this::mediaTimedOut);
        this.onEnded = onEnded;
        this.onHold = offer.isHold();
        applyMedia();
    }

    @Override
    public String callId() {
        return callId;
    }

    @Override
    public String remoteParty() {
        return remoteParty;
    }

    @Override
    public String dialledNumber() {
        return dialledNumber;
    }

    @Override
    public void sendAudio(short[] frame) {
        rtp.sendAudio(frame);
    }

    @Override
    public void hangUp() {
        end("simulator hung up", true);
    }

    /** 180 Ringing while the answer is delayed. */
    synchronized void ring() throws Exception {
        if (state == State.RINGING) {
            Response ringing = SipMessages.response(agent.messages, Response.RINGING, inviteTransaction.getRequest());
            SipMessages.setToTag(ringing, localTag);
            ringing.addHeader(agent.contact(dialledNumber));
            inviteTransaction.sendResponse(ringing);
        }
    }

    /** 200 OK with our SDP answer; the call is up when the ACK arrives. */
    synchronized void answer() throws Exception {
        if (state != State.RINGING) {
            return;
        }
        Response ok = okWithAnswer(inviteTransaction.getRequest());
        inviteTransaction.sendResponse(ok);
        state = State.ANSWERED;
    }

    /** CANCEL before the answer: 487 for the INVITE, the call never starts. */
    synchronized boolean cancel() throws Exception {
        if (state != State.RINGING) {
            return false;
        }
        Response terminated = SipMessages.response(agent.messages, Response.REQUEST_TERMINATED, inviteTransaction.getRequest());
        SipMessages.setToTag(terminated, localTag);
        inviteTransaction.sendResponse(terminated);
        LOG.log(Level.INFO, "call {0} cancelled by {1} before answer", callId, remoteParty);
        end("cancelled", false);
        return true;
    }

    /** The ACK for our 200 OK: media flows and the pipeline is told. */
    void acknowledged(CallHandler handler) {
        synchronized (this) {
            if (state != State.ANSWERED) {
                return; // ACK of a re-INVITE, or a late retransmission
            }
            state = State.ESTABLISHED;
        }
        LOG.log(Level.INFO, "call up: id={0} from={1} dialled={2} codec={3}", callId, remoteParty, dialledNumber, media.codec());
        LineListener started;
        try {
            started = handler.callStarted(this);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "call " + callId + ": call handler failed, hanging up", e);
            end("call handler failed", true);
            return;
        }
        if (started == null) {
            LOG.log(Level.WARNING, "call {0}: call handler returned no listener, hanging up", callId);
            end("no listener", true);
            return;
        }
        boolean heldFromTheStart;
        synchronized (this) {
            listener = started;
            heldFromTheStart = onHold;
        }
        rtp.start(started);
        if (heldFromTheStart) {
            LOG.log(Level.INFO, "call {0}: on hold by {1} from the start", callId, remoteParty);
            started.onHold();
        }
    }

    /** A re-INVITE inside the dialog: new SDP (hold, resume, new address) answered with 200 OK. */
    void reInvite(ServerTransaction transaction, SdpDescription offer, NegotiatedMedia negotiated) throws Exception {
        boolean holdStarted;
        boolean holdEnded;
        LineListener current;
        synchronized (this) {
            if (state == State.ENDED) {
                return;
            }
            remoteSdp = offer;
            media = negotiated;
            sdpVersion++;
            applyMedia();
            transaction.sendResponse(okWithAnswer(transaction.getRequest()));
            holdStarted = !onHold && offer.isHold();
            holdEnded = onHold && !offer.isHold();
            onHold = offer.isHold();
            current = listener;
        }
        if (holdStarted) {
            LOG.log(Level.INFO, "call {0}: on hold by {1} ({2}, c={3})", callId, remoteParty, offer.direction().attribute(), offer.connectionAddress());
            if (current != null) {
                current.onHold();
            }
        } else if (holdEnded) {
            LOG.log(Level.INFO, "call {0}: resumed by {1}", callId, remoteParty);
            if (current != null) {
                current.onResume();
            }
        }
    }

    /** BYE from the agent. */
    void remoteBye(ServerTransaction transaction) throws Exception {
        transaction.sendResponse(SipMessages.response(agent.messages, Response.OK, transaction.getRequest()));
        end("agent hung up", false);
    }

    /** No RTP for the media timeout: the phone vanished (crash, network) without a BYE. */
    void mediaTimedOut() {
        end("media timeout", true, true);
    }

    /** Our 200 OK was never acknowledged: the call never started; its RTP port is released now. */
    void ackTimedOut() {
        end("no ACK for our answer", false);
    }

    /** Ringing or answered but not yet acknowledged: holding an RTP port without a drill. */
    synchronized boolean awaitingAck() {
        return state == State.RINGING || state == State.ANSWERED;
    }

    /** Where the INVITE came from. */
    java.net.InetAddress peer() {
        return peer;
    }

    /** The dialog died under us (e.g. the ACK never came). */
    void dialogTerminated() {
        end("dialog terminated", false);
    }

    boolean isRinging() {
        synchronized (this) {
            return state == State.RINGING;
        }
    }

    void end(String reason, boolean sendBye) {
        end(reason, sendBye, false);
    }

    private void end(String reason, boolean sendBye, boolean dropped) {
        LineListener toTell;
        boolean wasEstablished;
        synchronized (this) {
            if (state == State.ENDED) {
                return;
            }
            wasEstablished = state == State.ESTABLISHED || state == State.ANSWERED;
            state = State.ENDED;
            toTell = listener;
        }
        rtp.close();
        if (sendBye && wasEstablished) {
            sendBye();
        }
        onEnded.accept(this);
        LOG.log(Level.INFO, "call {0}: hang-up ({1}), remote {2}", callId, reason, remoteParty);
        if (toTell != null) {
            try {
                if (dropped) toTell.onLineDropped(reason);
                else toTell.onHangUp(reason);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "call " + callId + ": listener failed on hang-up", e);
            }
        }
    }

    private void sendBye() {
        try {
            Dialog dialog = inviteTransaction.getDialog();
            Request bye = dialog.createRequest(Request.BYE);
            ClientTransaction transaction = agent.provider.getNewClientTransaction(bye);
            dialog.sendRequest(transaction);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "call {0}: could not send BYE: {1}", callId, e.getMessage());
        }
    }

    private Response okWithAnswer(Request request) throws Exception {
        Response ok = SipMessages.response(agent.messages, Response.OK, request);
        SipMessages.setToTag(ok, localTag);
        ok.addHeader(agent.contact(dialledNumber));
        ok.addHeader(agent.serverHeader());
        SipMessages.setSdp(ok, agent.headers, Sdp.answer(remoteSdp, media, agent.host, rtp.localPort(), sdpSessionId, sdpVersion));
        return ok;
    }

    private void applyMedia() {
        MediaDirection ours = Sdp.answerDirection(remoteSdp.direction());
        rtp.update(media, SipMessages.rtpTarget(remoteSdp), ours.sends(), remoteSdp.isHold());
    }
}
