package callsim.telephony.asterisk;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.DtmfEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HoldEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.MusicOnHoldStartEvent;
import org.asteriskjava.manager.event.MusicOnHoldStopEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.UnholdEvent;

/**
 * Turns the Asterisk-Java events callsim cares about into {@link PbxEventListener} calls; every
 * other event (Newchannel, VarSet, ... a busy PBX sends plenty) is dropped without a word.
 */
final class AmiEventMapper implements ManagerEventListener {
    private static final Logger LOG = System.getLogger(AmiEventMapper.class.getName());

    private final PbxEventListener listener;
    private final PendingOriginates pending;

    AmiEventMapper(PbxEventListener listener, PendingOriginates pending) {
        this.listener = listener;
        this.pending = pending;
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        try {
            deliver(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "PBX event listener failed on " + event.getClass().getSimpleName(), e);
        }
    }

    private void deliver(ManagerEvent event) {
        if (event instanceof HoldEvent hold) {
            listener.onHold(hold.getChannel(), hold.getUniqueId());
        } else if (event instanceof UnholdEvent unhold) {
            listener.onUnhold(unhold.getChannel(), unhold.getUniqueId());
        } else if (event instanceof MusicOnHoldStartEvent moh) {
            listener.onMusicOnHoldStart(moh.getChannel(), moh.getUniqueId());
        } else if (event instanceof MusicOnHoldStopEvent moh) {
            listener.onMusicOnHoldStop(moh.getChannel(), moh.getUniqueId());
        } else if (event instanceof DtmfEndEvent dtmf) {
            // Direction: Sent is Asterisk playing tones to the phone, not the agent pressing a key
            String digit = dtmf.getDigit();
            if (dtmf.isReceived() && digit != null && !digit.isEmpty()) {
                listener.onDtmf(dtmf.getChannel(), dtmf.getUniqueId(), digit.charAt(0));
            }
        } else if (event instanceof HangupEvent hangup) {
            Integer cause = hangup.getCause();
            String text = hangup.getCauseTxt();
            listener.onHangup(hangup.getChannel(), hangup.getUniqueId(), cause == null ? 0 : cause, text == null ? "" : text);
        } else if (event instanceof OriginateResponseEvent response) {
            String actionId = response.getActionId();
            if (!pending.complete(actionId)) return; // another manager client's Originate
            Integer reason = response.getReason();
            listener.onOriginateResult(new OriginateResult(actionId, response.isSuccess(), response.getChannel(),
                    response.getUniqueId(), reason == null ? 0 : reason));
        }
    }
}
