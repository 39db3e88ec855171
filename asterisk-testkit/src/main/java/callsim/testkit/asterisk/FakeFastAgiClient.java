package callsim.testkit.asterisk;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Asterisk 20 running {@code AGI(agi://host:port/script?...)} for one channel, over a real socket, in
 * the style of OkHttp's MockWebServer: script it with the {@link Builder}, {@link Builder#connect()
 * connect} it to the FastAGI server under test, then inspect the {@link #commands() commands} it
 * received.
 *
 * <p>On connecting it sends the {@code agi_} environment exactly as res_agi does (order, spelling,
 * {@code \n} endings, blank line last), then answers each command line as Asterisk would: {@code 200
 * result=...} per command, {@code 510 Invalid or unknown command}, {@code 520-...} usage for wrong
 * syntax, and after a hang-up a {@code HANGUP} line and {@code 511 Command Not Permitted on a dead
 * channel or intercept routine} for the commands Asterisk refuses on a dead channel.
 *
 * <p>{@link Builder#holdExec(String)} makes {@code EXEC <application>} block, as {@code EXEC
 * AudioSocket} blocks for a whole call, until {@link #releaseExec()} or {@link #hangUp()}.
 */
public final class FakeFastAgiClient implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MILLIS = 2000; // res_agi's MAX_AGI_CONNECT

    private final AgiSession session;
    private final String environment;

    private FakeFastAgiClient(AgiSession session, String environment) {
        this.session = session;
        this.environment = environment;
    }

    /** A channel that will run {@code AGI(requestUrl)}, e.g. {@code agi://127.0.0.1:4573/drill?scenario=x}. */
    public static Builder builder(String requestUrl) {
        return new Builder(requestUrl);
    }

    /** The environment block sent on connecting, byte for byte. */
    public String environment() {
        return environment;
    }

    /** Every command line received so far, in order. */
    public List<AgiCommand> commands() {
        return session.commands();
    }

    /** {@link AgiCommand#text()} of every command so far: {@code [ANSWER, SET VARIABLE X 1, ...]}. */
    public List<String> commandTexts() {
        return commands().stream().map(AgiCommand::text).toList();
    }

    /** Channel variables set with {@code SET VARIABLE}. */
    public Map<String, String> variables() {
        return session.variables();
    }

    /** The application of the {@code EXEC} being held right now, or null. */
    public String heldApplication() {
        return session.heldApplication();
    }

    /** Whether the channel has hung up (the caller, or the script's {@code HANGUP}). */
    public boolean isHungUp() {
        return session.dead();
    }

    /** Whether the FastAGI server closed the connection (Asterisk's "AGI Script ... completed"). */
    public boolean isClosedByServer() {
        return session.serverClosed();
    }

    /** The first command named {@code name} ({@code "EXEC"}, {@code "SET VARIABLE"}), waiting for it if need be. */
    public AgiCommand awaitCommand(String name, Duration timeout) throws InterruptedException {
        String wanted = name.toUpperCase(Locale.ROOT);
        awaitOrFail(() -> session.commands().stream().anyMatch(c -> c.name().equals(wanted)), timeout,
                "no " + wanted + " command");
        return session.commands().stream().filter(c -> c.name().equals(wanted)).findFirst().orElseThrow();
    }

    /** Waits until an {@code EXEC} of a {@link Builder#holdExec held} application is running. */
    public void awaitExecHeld(Duration timeout) throws InterruptedException {
        awaitOrFail(() -> session.heldApplication() != null, timeout, "no held EXEC");
    }

    /** Waits until the FastAGI server closes the connection. */
    public void awaitClosedByServer(Duration timeout) throws InterruptedException {
        awaitOrFail(session::serverClosed, timeout, "the FastAGI server did not close the connection");
    }

    private void awaitOrFail(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        if (!session.await(condition, timeout)) {
            throw new AssertionError(what + " within " + timeout + "; commands received: " + commandTexts());
        }
    }

    /** The held application returns normally: {@code 200 result=0} (or the EXEC reply override). */
    public void releaseExec() {
        releaseExec(0);
    }

    /** The held application returns {@code result}. */
    public void releaseExec(int result) {
        session.releaseExec(result);
    }

    /**
     * The caller hangs up. A held application returns {@code -1}; Asterisk then sends {@code HANGUP}
     * (unless AGISIGHUP is off) and refuses most later commands with 511. No-op once hung up.
     */
    public void hangUp() {
        session.hangUp();
    }

    /** Drops the connection (like Asterisk going away) and stops the reader thread. Idempotent. */
    @Override
    public void close() {
        session.close();
    }

    /** Describes the channel and scripts Asterisk's answers. Every setter has an Asterisk-like default. */
    public static final class Builder {
        private final AgiEnvironment env;
        private final Map<String, String> replies = new HashMap<>();
        private final Set<String> held = new HashSet<>();
        private boolean sigHup = true;

        private Builder(String requestUrl) {
            env = new AgiEnvironment(requestUrl);
        }

        /** {@code agi_channel} (default {@code PJSIP/201-00000001}); {@code agi_type} is its technology. */
        public Builder channel(String channel) {
            env.channel = require(channel, "channel");
            return this;
        }

        /** {@code agi_uniqueid} (default {@code 1700000000.1}). */
        public Builder uniqueId(String uniqueId) {
            env.uniqueId = require(uniqueId, "unique id");
            return this;
        }

        /** {@code agi_callerid} and {@code agi_calleridname}; null or empty is sent as {@code unknown}, the default. */
        public Builder callerId(String number, String name) {
            env.callerIdNumber = number;
            env.callerIdName = name;
            return this;
        }

        /** {@code agi_version} (default {@code 20.5.0}). */
        public Builder version(String version) {
            env.version = require(version, "version");
            return this;
        }

        /** {@code agi_context}, {@code agi_extension}, {@code agi_priority} (default {@code training}, 7100, 2). */
        public Builder dialplan(String context, String extension, int priority) {
            env.context = require(context, "context");
            env.extension = require(extension, "extension");
            env.priority = priority;
            return this;
        }

        /** Extra AGI() arguments, sent as {@code agi_arg_1...}. */
        public Builder arguments(String... arguments) {
            env.arguments.addAll(List.of(arguments));
            return this;
        }

        /**
         * Answer {@code command} ({@code "SET VARIABLE"}, {@code "EXEC"}) with {@code reply} instead of the
         * default, e.g. {@code "200 result=-2"}. Several lines are sent as given. A dead channel still gets 511.
         */
        public Builder reply(String command, String reply) {
            replies.put(require(command, "command").toUpperCase(Locale.ROOT), require(reply, "reply"));
            return this;
        }

        /** {@code EXEC application ...} blocks until {@link #releaseExec()} or {@link #hangUp()}. */
        public Builder holdExec(String application) {
            held.add(require(application, "application").toUpperCase(Locale.ROOT));
            return this;
        }

        /** The channel variable AGISIGHUP: when false, a hang-up is not announced with a {@code HANGUP} line. */
        public Builder agiSigHup(boolean sendHangupLine) {
            sigHup = sendHangupLine;
            return this;
        }

        /** Connects to the URL's host and port, sends the environment and starts answering commands. */
        public FakeFastAgiClient connect() throws IOException {
            InetSocketAddress address = env.address();
            String environment = env.render();
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(address, CONNECT_TIMEOUT_MILLIS);
                OutputStream out = socket.getOutputStream();
                out.write(environment.getBytes(StandardCharsets.UTF_8));
                out.flush();
                AgiSession session = new AgiSession(socket,
                        new AgiSession.Script(Map.copyOf(replies), Set.copyOf(held), sigHup), env.channel);
                session.start();
                return new FakeFastAgiClient(session, environment);
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
        }

        private static String require(String value, String what) {
            if (value == null) {
                throw new IllegalArgumentException(what + " must not be null");
            }
            return value;
        }
    }
}
