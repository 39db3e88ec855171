package callsim.telephony.asterisk;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiChannelFactory;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiNetworkException;
import org.asteriskjava.fastagi.AgiReader;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.internal.DefaultAgiChannelFactory;
import org.asteriskjava.fastagi.internal.FastAgiConnectionHandler;

/**
 * Serves one FastAGI connection with Asterisk-Java's protocol code (request parsing, command and reply
 * handling, the {@code HANGUP} line) but our own lifecycle. The inherited {@code run()} would follow
 * the script with {@code SET VARIABLE AJ_AGISTATUS ...}, a command after our {@code HANGUP} that
 * Asterisk never asked for; this one runs the script and closes the connection, nothing else.
 */
final class AgiConnection extends FastAgiConnectionHandler {
    private static final System.Logger LOG = System.getLogger(AgiConnection.class.getName());
    private static final AgiChannelFactory CHANNELS = new DefaultAgiChannelFactory();

    private final AgiSocket socket;
    private final AgiScript script;
    private final Duration requestTimeout;
    private final callsim.telephony.RateLimitedLog malformed;

    /** {@code requestTimeout}: how long Asterisk may take to send the environment, or to answer a command. */
    /** {@code malformed}: where lines about malformed or silent connections go (a few a minute, then a count). */
    AgiConnection(AgiSocket socket, AgiScript script, Duration requestTimeout, callsim.telephony.RateLimitedLog malformed) {
        super((request, channel) -> script, socket, CHANNELS);
        this.socket = socket;
        this.script = script;
        this.requestTimeout = requestTimeout;
        this.malformed = malformed;
    }

    @Override
    public void run() {
        try {
            AgiReader reader = createReader();
            socket.readTimeout(requestTimeout);
            socket.readingRequest();
            AgiRequest request;
            try {
                request = reader.readRequest();
            } catch (AgiNetworkException e) {
                if (e.getCause() instanceof SocketTimeoutException) {
                    malformed.log(Level.WARNING, "silent FastAGI request", () -> "no FastAGI request from " + socket
                            + " within " + requestTimeout.toMillis() + " ms; dropping the connection");
                } else {
                    String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
                    malformed.log(Level.WARNING, "unreadable FastAGI request", () -> "cannot read the FastAGI request from "
                            + socket + ": " + why + "; dropping the connection");
                }
                return;
            }
            socket.requestRead();
            // Asterisk answers a command (ANSWER, SET VARIABLE, HANGUP) at once: the same timeout applies.
            // The script lets EXEC AudioSocket wait as long as its drill runs.
            socket.readTimeout(requestTimeout);
            if (request.getRequest().isEmpty()) {
                malformed.log(Level.INFO, "empty FastAGI request", () -> "FastAGI connection from " + socket
                        + " sent no agi_ environment; dropping it");
                return;
            }
            AgiChannel channel = CHANNELS.createAgiChannel(request, createWriter(), reader);
            script.service(request, channel);
        } catch (AgiException | IOException e) {
            LOG.log(Level.WARNING, "FastAGI connection from {0} failed: {1}", socket, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "FastAGI connection from " + socket + " failed", e);
        } finally {
            release();
        }
    }
}
