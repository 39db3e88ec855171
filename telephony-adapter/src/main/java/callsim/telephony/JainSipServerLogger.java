package callsim.telephony;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.lang.System.Logger.Level;
import java.util.Properties;
import javax.sip.SipStack;

/**
 * Message trace of JAIN-SIP at TRACE level instead of its default file log. Public only because
 * JAIN-SIP instantiates it by class name.
 */
public final class JainSipServerLogger implements ServerLogger {
    private static final System.Logger LOG = System.getLogger("javax.sip.messages");

    @Override
    public void closeLogFile() {}

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        trace(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        trace(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        trace(message, from, to, sender);
    }

    @Override
    public void logException(Exception ex) {
        LOG.log(Level.DEBUG, "JAIN-SIP exception", ex);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {}

    @Override
    public void setSipStack(SipStack sipStack) {}

    private static void trace(SIPMessage message, String from, String to, boolean sender) {
        if (LOG.isLoggable(Level.TRACE)) {
            LOG.log(Level.TRACE, (sender ? "sent " : "received ") + from + " -> " + to + "\n" + message.encode());
        }
    }
}
