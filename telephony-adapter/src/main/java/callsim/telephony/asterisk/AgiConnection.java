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

    /** {@code requestTimeout}: how long Asterisk may take to send the environment after connecting. */
    AgiConnection(AgiSocket socket, AgiScript script, Duration requestTimeout) {
        super((request, channel) -> script, socket, CHANNELS);
        this.socket = socket;
        this.script = script;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public void run() {
        try {
            AgiReader reader = createReader();
            socket.readTimeout(requestTimeout);
            AgiRequest request;
            try {
                request = reader.readRequest();
            } catch (AgiNetworkException e) {
                if (e.getCause() instanceof SocketTimeoutException) {
                    LOG.log(Level.WARNING, "no FastAGI request from {0} within {1,number,#} ms; dropping the connection",
                            socket, requestTimeout.toMillis());
                } else {
                    LOG.log(Level.WARNING, "cannot read the FastAGI request from {0}: {1}", socket, e.getMessage());
                }
                return;
            }
            // During EXEC AudioSocket the connection stays silent for the whole drill.
            socket.readTimeout(Duration.ZERO);
            if (request.getRequest().isEmpty()) {
                LOG.log(Level.INFO, "FastAGI connection from {0} sent no agi_ environment; dropping it", socket);
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
