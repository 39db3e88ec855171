package callsim.telephony;

import java.lang.System.Logger.Level;
import java.net.DatagramSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A call placed by {@link SipDialer}: a {@link CallLine} that can also put the other side on
 * hold, take it off hold (re-INVITE sendonly / sendrecv) and press keys (RFC 4733).
 */
public final class DialledCall implements CallLine {
    private static final System.Logger LOG = System.getLogger(SipDialer.class.getName());

    private enum State { CALLING, ESTABLISHED, ABANDONED, ENDED }

    private final SipAgent agent;
    private final String callId;
    private final String target;
    private final String dialledNumber;
    private final RtpSession rtp;
    private final LineListener listener;
    private final Consumer<DialledCall> onEnded;
    private final long sdpSessionId = ThreadLocalRandom.current().nextLong(1, Integer.MAX_VALUE);
    private final CompletableFuture<Void> answered = new CompletableFuture<>();

    // guarded by this
    private State state = State.CALLING;
    private Dialog dialog;
    private NegotiatedMedia media;
    private SdpDescription remoteSdp;
    private long sdpVersion = 1;
    private boolean holding;
    private CompletableFuture<Void> reInvites = CompletableFuture.completedFuture(null);
    private CompletableFuture<Void> reInviteAnswer = CompletableFuture.completedFuture(null);
    private boolean confirmed;

    DialledCall(SipAgent agent, String callId, String target, String dialledNumber, DatagramSocket rtpSocket,
            Duration mediaTimeout, LineListener listener, Consumer<DialledCall> onEnded) {
        this.agent = agent;
        this.callId = callId;
        this.target = target;
        this.dialledNumber = dialledNumber;
        this.listener = listener;
        this.onEnded = onEnded;
        this.rtp = new RtpSession(rtpSocket, callId, mediaTimeout, () -> end("media timeout", true));
    }

    @Override
    public String callId() {
        return callId;
    }

    @Override
    public String remoteParty() {
        return target;
    }

    @Override
    public String dialledNumber() {
        return dialledNumber;
    }

    @Override
    public void sendAudio(short[] frame) {
        rtp.sendAudio(frame);
    }

    /** Sends one DTMF key (0-9, *, #, A-D) as RFC 4733 telephone-events. */
    public void sendDtmf(char digit) {
        rtp.sendDtmf(digit);
    }

    /** Puts the other side on hold: re-INVITE with a=sendonly. Returns at once. */
    public void hold() {
        queueReInvite(true);
    }

    /** Takes the other side off hold: re-INVITE with a=sendrecv. Returns at once. */
    public void resume() {
        queueReInvite(false);
    }

    /**
     * RFC 3261 (14.1) forbids a new re-INVITE while one is still unanswered, so each waits for the
     * previous one's final response (or 5 s) before it is sent; the caller never blocks.
     */
    private void queueReInvite(boolean hold) {
        synchronized (this) {
            if (state != State.ESTABLISHED) {
                throw new IllegalStateException("call " + callId + " is not established");
            }
            reInvites = reInvites.handle((done, error) -> null).thenCompose(ignored -> reInvite(hold));
        }
    }

    @Override
    public void hangUp() {
        end("local hang-up", true);
    }

    int rtpPort() {
        return rtp.localPort();
    }

    String offer(MediaDirection direction) {
        synchronized (this) {
            return Sdp.offer(agent.host, rtp.localPort(), sdpSessionId, sdpVersion, direction);
        }
    }

    CompletableFuture<Void> answeredFuture() {
        return answered;
    }

    /** A 2xx to our INVITE (first or re-INVITE): ACK it and apply the answer. */
    void onSuccess(Response response, Dialog responseDialog) throws Exception {
        Dialog ackDialog;
        boolean first;
        boolean abandoned;
        synchronized (this) {
            if (dialog == null) {
                dialog = responseDialog;
            }
            ackDialog = dialog;
            first = state == State.CALLING || state == State.ABANDONED;
            abandoned = state == State.ABANDONED;
            if (first) {
                confirmed = true;
            }
        }
        long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
        ackDialog.sendAck(ackDialog.createAck(cseq));
        if (abandoned) {
            end("answered after the caller gave up", true);
            return;
        }
        synchronized (this) {
            if (state == State.ENDED) {
                return;
            }
            try {
                applyAnswer(response);
            } catch (IllegalArgumentException | NoCommonCodecException e) {
                LOG.log(Level.WARNING, "call {0}: unusable SDP answer from {1}: {2}", callId, target, e.getMessage());
                if (first) {
                    answered.completeExceptionally(new DialFailedException("unusable SDP answer: " + e.getMessage(), 0));
                }
                end("unusable SDP answer", true);
                return;
            }
            if (!first) {
                reInviteAnswer.complete(null);
                return;
            }
            state = State.ESTABLISHED;
        }
        LOG.log(Level.INFO, "dialled call up: id={0} to={1} codec={2}", callId, target, media.codec());
        rtp.start(listener);
        answered.complete(null);
    }

    /** A final failure response to the first INVITE. */
    void onFailure(int status, String reason) {
        synchronized (this) {
            if (state != State.CALLING && state != State.ABANDONED) {
                // a refused re-INVITE leaves the session as it was (RFC 3261 section 14.1)
                LOG.log(Level.WARNING, "call {0}: re-INVITE refused with {1} {2}", callId, status, reason);
                reInviteAnswer.complete(null);
                return;
            }
        }
        answered.completeExceptionally(new DialFailedException("call to " + target + " failed: " + status + " " + reason, status));
        end(status + " " + reason, false);
    }

    /** dial() gave up waiting: CANCEL and forget the call. */
    void abandon() {
        synchronized (this) {
            if (state == State.CALLING) {
                state = State.ABANDONED;
                return;
            }
        }
        end("caller gave up", true); // the answer raced the timeout
    }

    void remoteBye() {
        end("remote hung up", false);
    }

    void end(String reason, boolean sendBye) {
        Dialog byeDialog;
        synchronized (this) {
            if (state == State.ENDED) {
                return;
            }
            byeDialog = confirmed ? dialog : null;
            state = State.ENDED;
        }
        rtp.close();
        if (sendBye && byeDialog != null) {
            try {
                Request bye = byeDialog.createRequest(Request.BYE);
                byeDialog.sendRequest(agent.provider.getNewClientTransaction(bye));
            } catch (Exception e) {
                LOG.log(Level.WARNING, "call {0}: could not send BYE: {1}", callId, e.getMessage());
            }
        }
        onEnded.accept(this);
        boolean wasUp = answered.isDone() && !answered.isCompletedExceptionally();
        if (wasUp) {
            LOG.log(Level.INFO, "dialled call {0}: hang-up ({1})", callId, reason);
            listener.onHangUp(reason);
        }
    }

    private CompletableFuture<Void> reInvite(boolean hold) {
        Dialog current;
        String sdp;
        CompletableFuture<Void> answer = new CompletableFuture<>();
        synchronized (this) {
            if (state != State.ESTABLISHED) {
                return CompletableFuture.completedFuture(null);  // the call ended while this one waited
            }
            reInviteAnswer = answer;
            holding = hold;
            sdpVersion++;
            current = dialog;
            sdp = Sdp.offer(agent.host, rtp.localPort(), sdpSessionId, sdpVersion, hold ? MediaDirection.SENDONLY : MediaDirection.SENDRECV);
            rtp.update(media, SipMessages.rtpTarget(remoteSdp), true, hold);
        }
        try {
            Request invite = current.createRequest(Request.INVITE);
            invite.addHeader(agent.contact("callsim"));
            SipMessages.setSdp(invite, agent.headers, sdp);
            ClientTransaction transaction = agent.provider.getNewClientTransaction(invite);
            current.sendRequest(transaction);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "call {0}: could not send re-INVITE: {1}", callId, e.toString());
            answer.complete(null);
        }
        return answer.completeOnTimeout(null, 5, TimeUnit.SECONDS);
    }

    private void applyAnswer(Response response) {
        String body = SipMessages.body(response);
        if (body == null) {
            return; // keep what we have
        }
        remoteSdp = Sdp.parse(body);
        media = Sdp.negotiate(remoteSdp);
        boolean weSend = remoteSdp.direction().receives();
        rtp.update(media, SipMessages.rtpTarget(remoteSdp), weSend, holding || !remoteSdp.direction().sends());
    }
}
