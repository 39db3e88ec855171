package callsim.app.pipeline;

import callsim.telephony.CallHandler;
import callsim.telephony.CallLine;
import callsim.telephony.LineListener;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * The listeners' call handler while callsim starts: the ports are bound (so a port in use is reported at
 * once) before the speech engines load, and calls arriving meanwhile are turned away (SIP: 503) until
 * {@link #ready} hands them to the real handler.
 */
public final class StartingCalls implements CallHandler {
    private static final Logger LOG = System.getLogger(StartingCalls.class.getName());
    private volatile CallHandler target;

    public void ready(CallHandler handler) {
        this.target = handler;
    }

    @Override
    public boolean ready() {
        return target != null;
    }

    @Override
    public LineListener callStarted(CallLine line) {
        CallHandler current = target;
        if (current == null) {
            LOG.log(Level.WARNING, "call " + line.callId() + " from " + line.remoteParty()
                    + " came while callsim was still loading speech; hanging up");
            return null;
        }
        return current.callStarted(line);
    }

    @Override
    public Optional<String> refusal(String dialledNumber) {
        CallHandler current = target;
        return current == null ? Optional.empty() : current.refusal(dialledNumber);
    }
}
