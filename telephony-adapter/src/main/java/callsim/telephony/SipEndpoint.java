package callsim.telephony;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The embedded SIP user agent server any softphone can dial without a PBX: UDP, G.711, RFC 4733
 * DTMF, hold by re-INVITE. Every established call is handed to the {@link CallHandler} as a
 * {@link CallLine}; calls are independent (keyed by Call-ID).
 */
public final class SipEndpoint implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SipEndpoint.class.getName());

    private final SipEndpointConfig config;
    private final Map<String, InboundCall> calls = new ConcurrentHashMap<>();
    private final ScheduledExecutorService answerTimer;
    private final RtpPortAllocator rtpPorts;
    private final SipAgent agent;

    private SipEndpoint(SipEndpointConfig config, CallHandler handler, SipCredentials credentials) throws IOException {
        this.config = config;
        this.rtpPorts = new RtpPortAllocator(InetAddress.getByName(config.bindAddress()), config.rtpPorts());
        this.answerTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sip-endpoint-answer");
            thread.setDaemon(true);
            return thread;
        });
        AllowedPeers allowed = AllowedPeers.of(config.allow(), config.bindAddress());
        EndpointRequestHandler requests = new EndpointRequestHandler(this, handler, allowed, credentials);
        try {
            this.agent = SipAgent.start("endpoint", config, requests);
        } catch (IOException | RuntimeException e) {
            answerTimer.shutdownNow();
            throw e;
        }
        requests.attach(agent);
    }

    /** Starts listening. @throws IOException when the SIP port cannot be bound */
    public static SipEndpoint start(SipEndpointConfig config, CallHandler handler) throws IOException {
        return start(config, handler, null);
    }

    /**
     * As above; with {@code credentials} (not null) every new call must pass SIP digest authentication as
     * the user in its From header.
     */
    public static SipEndpoint start(SipEndpointConfig config, CallHandler handler, SipCredentials credentials) throws IOException {
        SipEndpoint endpoint = new SipEndpoint(config, handler, credentials);
        LOG.log(Level.INFO, "SIP endpoint listening on sip:{0}:{1,number,#} (udp), RTP ports {2}",
                endpoint.agent.host, endpoint.port(), config.rtpPorts().isEphemeral() ? "ephemeral"
                        : config.rtpPorts().first() + "-" + config.rtpPorts().last());
        return endpoint;
    }

    /** The SIP UDP port actually bound (useful when the config asked for port 0). */
    public int port() {
        return agent.port;
    }

    /** The address agents dial, e.g. {@code sip:7000@127.0.0.1:5080} for extension 7000. */
    public String uriFor(String extension) {
        return "sip:" + extension + "@" + agent.host + ":" + port();
    }

    /** Calls that are ringing, answered or established right now. */
    public int activeCalls() {
        return calls.size();
    }

    /** Hangs up every call (BYE) and releases the SIP port and all RTP sockets. */
    @Override
    public void close() {
        for (InboundCall call : List.copyOf(calls.values())) {
            call.end("endpoint closed", true);
        }
        answerTimer.shutdownNow();
        agent.close();
        LOG.log(Level.INFO, "SIP endpoint on port {0,number,#} closed", agent.port);
    }

    SipEndpointConfig config() {
        return config;
    }

    RtpPortAllocator rtpPorts() {
        return rtpPorts;
    }

    ScheduledExecutorService answerTimer() {
        return answerTimer;
    }

    Map<String, InboundCall> calls() {
        return calls;
    }
}
