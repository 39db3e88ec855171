package callsim.telephony;

import gov.nist.core.StackLogger;
import java.lang.System.Logger.Level;
import java.util.Properties;

/**
 * Routes JAIN-SIP's own diagnostics to System.Logger, so the stack neither needs log4j nor writes
 * to stdout or log files. Public only because JAIN-SIP instantiates it by class name.
 */
public final class JainSipStackLogger implements StackLogger {
    private static final System.Logger LOG = System.getLogger("javax.sip");

    @Override
    public void logStackTrace() {}

    @Override
    public void logStackTrace(int traceLevel) {}

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        LOG.log(Level.DEBUG, "JAIN-SIP exception", ex);
    }

    @Override
    public void logDebug(String message) {
        LOG.log(Level.DEBUG, message);
    }

    @Override
    public void logDebug(String message, Exception ex) {
        LOG.log(Level.DEBUG, message, ex);
    }

    @Override
    public void logTrace(String message) {
        LOG.log(Level.TRACE, message);
    }

    @Override
    public void logFatalError(String message) {
        LOG.log(Level.ERROR, message);
    }

    @Override
    public void logError(String message) {
        LOG.log(Level.DEBUG, message); // the stack reports routine drops (bad datagrams) as errors
    }

    @Override
    public boolean isLoggingEnabled() {
        return LOG.isLoggable(Level.DEBUG);
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        return LOG.isLoggable(toLevel(logLevel));
    }

    @Override
    public void logError(String message, Exception ex) {
        LOG.log(Level.DEBUG, message, ex);
    }

    @Override
    public void logWarning(String message) {
        LOG.log(Level.DEBUG, message);
    }

    @Override
    public void logInfo(String message) {
        LOG.log(Level.DEBUG, message);
    }

    @Override
    public void disableLogging() {}

    @Override
    public void enableLogging() {}

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {}

    @Override
    public void setStackProperties(Properties stackProperties) {}

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }

    private static Level toLevel(int logLevel) {
        if (logLevel <= TRACE_FATAL) {
            return Level.ERROR;
        }
        return logLevel >= TRACE_TRACE ? Level.TRACE : Level.DEBUG;
    }
}
