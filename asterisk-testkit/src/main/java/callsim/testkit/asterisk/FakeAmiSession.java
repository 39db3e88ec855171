package callsim.testkit.asterisk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * One manager session: the banner, then actions in and responses out, following process_message()
 * and the action handlers of Asterisk 20's main/manager.c. Events reach it through {@link #deliver}.
 */
final class FakeAmiSession implements Runnable {
    /** Required write permission per action (0: anyone logged in), as registered in manager.c. */
    private static final Map<String, Integer> AUTHORITY = Map.of(
            "login", 0, "challenge", 0, "logoff", 0, "ping", 0, "events", 0,
            "coresettings", AmiPermissions.SYSTEM | AmiPermissions.REPORTING,
            "command", AmiPermissions.COMMAND,
            "originate", AmiPermissions.ORIGINATE,
            "hangup", AmiPermissions.SYSTEM | AmiPermissions.CALL);
    private static final SecureRandom RANDOM = new SecureRandom();

    final int id;
    private final FakeAmiServer server;
    private final Socket socket;
    private final OutputStream out;
    private final Thread thread;
    private volatile boolean authenticated;
    private volatile int readPerm;
    private volatile int eventMask = AmiPermissions.ALL;
    private int writePerm;
    private String challenge = "";

    FakeAmiSession(FakeAmiServer server, int id, Socket socket) throws IOException {
        this.server = server;
        this.id = id;
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.thread = new Thread(this, "fake-ami-session-" + id);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        try (InputStream in = socket.getInputStream()) {
            server.waitWhileSilent(socket);
            send("Asterisk Call Manager/" + server.amiVersion() + "\r\n");
            AmiWire.Packet packet;
            while ((packet = AmiWire.read(in)) != null) {
                if (!process(packet)) break;
            }
        } catch (IOException e) {
            // the client went away or the test dropped the connection: the session just ends
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
            server.sessionEnded(this);
        }
    }

    /** Sends an event if this session is logged in and both its read permission and event mask allow it. */
    void deliver(String event, int category) {
        if (!authenticated || !AmiPermissions.delivers(readPerm, eventMask, category)) return;
        try {
            send(event);
        } catch (IOException e) {
            close();
        }
    }

    boolean isAuthenticated() {
        return authenticated;
    }

    void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    void join(Duration timeout) throws InterruptedException {
        if (Thread.currentThread() != thread) thread.join(timeout.toMillis());
    }

    private synchronized void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Returns false when Asterisk would end the session (Logoff, failed login). */
    private boolean process(AmiWire.Packet packet) throws IOException {
        if (!packet.headers().isEmpty()) server.record(new RecordedAction(id, packet.headers(), packet.raw()));
        if (server.isSilent()) return true; // a hung PBX reads but never answers
        String action = packet.get("Action").toLowerCase(Locale.ROOT);
        String actionId = packet.get("ActionID");
        if (action.isEmpty()) {
            send(AmiWire.response("Error", actionId, "Missing action in request"));
            return true;
        }
        if (!authenticated && !action.equals("login") && !action.equals("logoff") && !action.equals("challenge")) {
            send(AmiWire.response("Error", actionId, "Permission denied"));
            return true;
        }
        Integer authority = AUTHORITY.get(action);
        if (authority == null) {
            send(AmiWire.response("Error", actionId, "Invalid/unknown command"));
            return true;
        }
        if (authority != 0 && (writePerm & authority) == 0) {
            send(AmiWire.response("Error", actionId, "Permission denied"));
            return true;
        }
        return switch (action) {
            case "login" -> login(packet, actionId);
            case "challenge" -> challenge(packet, actionId);
            case "logoff" -> {
                send(AmiWire.response("Goodbye", actionId, "Thanks for all the fish."));
                yield false;
            }
            case "ping" -> {
                long micros = System.currentTimeMillis() * 1000;
                send(AmiWire.startAck(actionId).append("Ping: Pong\r\n")
                        .append(String.format(Locale.ROOT, "Timestamp: %d.%06d\r\n\r\n", micros / 1_000_000, micros % 1_000_000))
                        .toString());
                yield true;
            }
            case "events" -> events(packet, actionId);
            case "coresettings" -> {
                send(server.coreSettings(actionId));
                yield true;
            }
            case "command" -> {
                send(server.command(packet.get("Command"), actionId));
                yield true;
            }
            case "originate" -> {
                server.originate(this, packet, actionId);
                yield true;
            }
            case "hangup" -> {
                send(server.hangupAction(packet.get("Channel"), actionId));
                yield true;
            }
            default -> throw new IllegalStateException("no handler for " + action);
        };
    }

    void reply(String packet) throws IOException {
        send(packet);
    }

    private boolean challenge(AmiWire.Packet packet, String actionId) throws IOException {
        if (!packet.get("AuthType").equalsIgnoreCase("MD5")) {
            send(AmiWire.response("Error", actionId, "Must specify AuthType"));
            return true;
        }
        if (challenge.isEmpty()) challenge = Integer.toString(RANDOM.nextInt(Integer.MAX_VALUE)); // ast_random()
        send(AmiWire.startAck(actionId).append("Challenge: ").append(challenge).append("\r\n\r\n").toString());
        return true;
    }

    private boolean login(AmiWire.Packet packet, String actionId) throws IOException {
        if (authenticated) {
            send(AmiWire.response("Success", actionId, "Already authenticated"));
            return true;
        }
        if (!credentialsMatch(packet)) {
            server.loginFailed();
            sleep(server.authFailureDelay()); // action_login sleeps a second before answering
            send(AmiWire.response("Error", actionId, "Authentication failed"));
            return false;
        }
        readPerm = server.readPermissions();
        writePerm = server.writePermissions();
        String events = packet.get("Events");
        if (!events.isEmpty()) eventMask = AmiPermissions.parse(events);
        authenticated = true;
        send(AmiWire.response("Success", actionId, "Authentication accepted"));
        if ((eventMask & AmiPermissions.SYSTEM) != 0 && (readPerm & AmiPermissions.SYSTEM) != 0) {
            send(AmiEvents.fullyBooted(server.uptimeSeconds(), server.uptimeSeconds()));
        }
        server.loggedIn();
        return true;
    }

    /** authenticate(): MD5 over challenge + secret when AuthType is MD5, otherwise the plain Secret. */
    private boolean credentialsMatch(AmiWire.Packet packet) {
        if (!packet.get("Username").equals(server.user())) return false;
        String secret = server.secret();
        if (packet.get("AuthType").equalsIgnoreCase("MD5")) {
            String key = packet.get("Key");
            return !key.isEmpty() && !challenge.isEmpty() && key.equals(md5Hex(challenge + secret));
        }
        return packet.get("Secret").equals(secret);
    }

    private boolean events(AmiWire.Packet packet, String actionId) throws IOException {
        String mask = packet.get("EventMask");
        if (mask.isEmpty()) {
            send(AmiWire.response("Error", actionId, "Invalid event mask"));
            return true;
        }
        eventMask = AmiPermissions.parse(mask);
        send(AmiWire.startAck(actionId).append(eventMask == 0 ? "Events: Off\r\n\r\n" : "Events: On\r\n\r\n").toString());
        return true;
    }

    static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
