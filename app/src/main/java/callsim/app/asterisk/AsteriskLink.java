package callsim.app.asterisk;

import callsim.app.pipeline.DialPlan;
import callsim.telephony.asterisk.AmiClient;
import callsim.telephony.asterisk.AmiLoginException;
import callsim.telephony.asterisk.AmiSettings;
import callsim.telephony.asterisk.FastAgiServer;
import callsim.telephony.AllowedPeers;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The FastAGI training extension and the AMI link, started with serve and stopped with it. */
public final class AsteriskLink implements AutoCloseable {
    private static final Logger LOG = System.getLogger(AsteriskLink.class.getName());
    private static final Duration AMI_LOGIN_TIMEOUT = Duration.ofSeconds(10);

    private final FastAgiServer agi;
    private final AmiClient ami;
    private final OutboundDrills outbound;
    private final ScheduledExecutorService timer;

    private AsteriskLink(FastAgiServer agi, AmiClient ami, OutboundDrills outbound, ScheduledExecutorService timer) {
        this.agi = agi;
        this.ami = ami;
        this.outbound = outbound;
        this.timer = timer;
    }

    public static AsteriskLink start(AsteriskOptions options, String bindAddress, int audioSocketPort,
                                     DrillBookings bookings, DialPlan dialPlan) throws IOException {
        return start(options, bindAddress, audioSocketPort, bookings, dialPlan, AllowedPeers.defaultFor(bindAddress));
    }

    /** As above; the FastAGI listener serves only {@code allowed} peers. */
    public static AsteriskLink start(AsteriskOptions options, String bindAddress, int audioSocketPort,
                                     DrillBookings bookings, DialPlan dialPlan, AllowedPeers allowed) throws IOException {
        boolean wanted = options.agiPort() >= 0 || options.ami().isPresent();
        if (!wanted) return new AsteriskLink(null, null, null, null);
        if (audioSocketPort < 0) {
            throw new IllegalArgumentException("the training extension and AMI drills hand the call's audio to AudioSocket;"
                    + " turn --audiosocket-port back on");
        }
        Optional<String> advertised = options.advertisedHost().or(() -> specific(bindAddress));
        FastAgiServer agi = null;
        AmiClient ami = null;
        ScheduledExecutorService timer = null;
        try {
            if (options.agiPort() >= 0) {
                agi = FastAgiServer.start(new InetSocketAddress(bindAddress, options.agiPort()),
                        new TrainingExtension(bookings, dialPlan, advertised, audioSocketPort, Clock.systemUTC()), allowed);
                LOG.log(Level.INFO, "training extension: AGI(agi://" + bindAddress + ":" + agi.port() + "/drill?scenario=ID&difficulty=LEVEL)");
            }
            OutboundDrills outbound = null;
            if (options.ami().isPresent()) {
                AmiSettings settings = options.ami().get();
                PbxEvents events = new PbxEvents(bookings);
                timer = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "drill-schedule");
                    t.setDaemon(true);
                    return t;
                });
                ami = AmiClient.start(settings, events, AmiClient.Backoff.standard(), AMI_LOGIN_TIMEOUT);
                String host = advertised.orElseGet(() -> routeSource(settings.host()));
                String audioSocketAddress = (host.contains(":") ? "[" + host + "]" : host) + ":" + audioSocketPort;
                AmiClient client = ami;
                outbound = new OutboundDrills(client::originate, bookings, dialPlan, () -> audioSocketAddress,
                        Clock.systemUTC(), timer);
                events.onOriginateResults(outbound::originateResult);
                LOG.log(Level.INFO, "AMI " + settings + ": drills to agents' phones connect back to AudioSocket at " + audioSocketAddress);
            }
            return new AsteriskLink(agi, ami, outbound, timer);
        } catch (AmiLoginException e) {
            close(agi, null, timer);
            throw new IOException(e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            close(agi, ami, timer);
            throw e;
        }
    }

    public Optional<OutboundDrills> outbound() {
        return Optional.ofNullable(outbound);
    }

    public int agiPort() {
        return agi == null ? -1 : agi.port();
    }

    @Override
    public void close() {
        close(agi, ami, timer);
    }

    private static void close(FastAgiServer agi, AmiClient ami, ScheduledExecutorService timer) {
        if (timer != null) timer.shutdownNow();
        if (ami != null) ami.close();
        if (agi != null) agi.close();
    }

    private static Optional<String> specific(String bindAddress) {
        try {
            return InetAddress.getByName(bindAddress).isAnyLocalAddress() ? Optional.empty() : Optional.of(bindAddress);
        } catch (IOException e) {
            return Optional.of(bindAddress);
        }
    }

    /** The local address this machine uses to reach the PBX (a connected UDP socket sends nothing). */
    private static String routeSource(String pbxHost) {
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(new InetSocketAddress(pbxHost, AmiSettings.DEFAULT_PORT));
            return probe.getLocalAddress().getHostAddress();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot tell which address reaches " + pbxHost + " (" + e.getMessage()
                    + "); set --audiosocket-host");
            return "127.0.0.1";
        }
    }
}
