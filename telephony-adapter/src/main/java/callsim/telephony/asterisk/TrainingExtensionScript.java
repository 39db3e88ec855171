package callsim.telephony.asterisk;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Objects;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;

/**
 * The {@code drill} script: {@code ANSWER}; book a drill with the {@link TrainingCallHandler};
 * {@code SET VARIABLE CALLSIM_DRILL uuid}; {@code EXEC AudioSocket uuid,host:port}, which lasts the
 * whole drill; {@code HANGUP}. A request the handler refuses gets {@code VERBOSE "callsim: why"} and a
 * hang-up, as does any other script name. A caller who hangs up first ends the script quietly.
 */
final class TrainingExtensionScript implements AgiScript {
    private static final System.Logger LOG = System.getLogger(TrainingExtensionScript.class.getName());
    static final String SCRIPT = "drill";
    static final String DRILL_VARIABLE = "CALLSIM_DRILL";
    private static final int APPLICATION_NOT_FOUND = -2; // res_agi's EXEC result for a missing application

    /** How often a silent EXEC AudioSocket asks whether its drill is still booked or on the line. */
    static final java.time.Duration DRILL_CHECK_INTERVAL = java.time.Duration.ofSeconds(5);

    private final TrainingCallHandler handler;
    private final AgiSocket socket;
    private final java.time.Duration replyTimeout;

    /** One per connection: {@code socket} is the connection the script runs on; commands are answered within {@code replyTimeout}. */
    TrainingExtensionScript(TrainingCallHandler handler, AgiSocket socket, java.time.Duration replyTimeout) {
        this.handler = handler;
        this.socket = socket;
        this.replyTimeout = replyTimeout;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) {
        Map<String, String> env = request.getRequest();
        String channelName = request.getChannel();
        try {
            String script = TrainingCallMapper.script(env);
            if (!SCRIPT.equals(script)) {
                LOG.log(Level.WARNING, "FastAGI request for unknown script {0} on {1}; only {2} is served",
                        script == null ? "(none)" : "\"" + script + "\"", channelName, SCRIPT);
                refuse(channel, "no FastAGI script \"" + (script == null ? "" : script)
                        + "\" here; the training extension is AGI(agi://HOST:PORT/" + SCRIPT + "?scenario=ID)");
                return;
            }
            channel.answer();
            AudioSocketTarget target = route(env, request, channel);
            if (target == null) {
                return;
            }
            channel.setVariable(DRILL_VARIABLE, target.uuid().toString());
            // EXEC lasts the whole drill; a connection whose drill never started (or ended) is not kept.
            socket.readTimeout(DRILL_CHECK_INTERVAL.compareTo(replyTimeout) < 0 ? DRILL_CHECK_INTERVAL : replyTimeout,
                    () -> handler.drillPending(target.uuid()));
            int result;
            try {
                result = channel.exec("AudioSocket", target.applicationData());
            } catch (AgiException e) {
                if (!socket.timedOut()) throw e;
                LOG.log(Level.WARNING, "drill {0} on {1} is no longer expected (its AudioSocket never connected, or it ended)"
                        + " but the FastAGI connection {2} is still open; dropping it", target.uuid(), channelName, socket);
                return;
            } finally {
                socket.readTimeout(replyTimeout);
            }
            if (result == APPLICATION_NOT_FOUND) {
                LOG.log(Level.WARNING, "Asterisk has no AudioSocket application (load app_audiosocket.so); "
                        + "drill {0} on {1} cannot start", target.uuid(), channelName);
            }
            channel.hangup();
        } catch (AgiHangupException e) {
            if (socket.timedOut()) {
                LOG.log(Level.WARNING, "no reply on the FastAGI connection {0} for {1} within {2,number,#} ms; dropping it",
                        socket, channelName, replyTimeout.toMillis());
            } else {
                LOG.log(Level.INFO, "{0} hung up (or its FastAGI connection closed); training call over", channelName);
            }
        } catch (AgiException e) {
            if (socket.timedOut()) {
                LOG.log(Level.WARNING, "no reply on the FastAGI connection {0} for {1} within {2,number,#} ms; dropping it",
                        socket, channelName, replyTimeout.toMillis());
            } else {
                LOG.log(Level.WARNING, "FastAGI training call on {0} failed: {1}", channelName, e.getMessage());
            }
        } catch (java.net.SocketException e) {
            LOG.log(Level.WARNING, "FastAGI training call on {0} failed: {1}", channelName, e.getMessage());
        }
    }

    /** Books the drill; on refusal tells Asterisk why, hangs up and returns null. */
    private AudioSocketTarget route(Map<String, String> env, AgiRequest request, AgiChannel channel) throws AgiException {
        String channelName = request.getChannel();
        String callerId = Objects.requireNonNullElse(TrainingCallMapper.callerId(env.get("callerid")), "(none)");
        TrainingCall call = null;
        AudioSocketTarget target;
        try {
            call = TrainingCallMapper.toTrainingCall(env, request.getLocalAddress());
            target = handler.route(call);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "refused training call on {0} from caller id {1}: {2}",
                    channelName, callerId, e.getMessage());
            refuse(channel, e.getMessage());
            return null;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "training call handler failed for " + channelName + " from caller id " + callerId, e);
            refuse(channel, "internal error, see the callsim log");
            return null;
        }
        if (target == null) {
            LOG.log(Level.ERROR, "training call handler returned no AudioSocket target for {0}", channelName);
            refuse(channel, "internal error, see the callsim log");
            return null;
        }
        LOG.log(Level.INFO, "training call on {0} from caller id {1}: scenario {2}, drill {3}",
                channelName, callerId, call.parameters().getOrDefault("scenario", "(default)"), target.uuid());
        return target;
    }

    private static void refuse(AgiChannel channel, String why) throws AgiException {
        channel.verbose("callsim: " + why, 1);
        channel.hangup();
    }
}
