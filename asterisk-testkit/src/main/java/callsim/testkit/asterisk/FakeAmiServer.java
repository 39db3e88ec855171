package callsim.testkit.asterisk;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A scripted Asterisk manager interface on 127.0.0.1, byte for byte like Asterisk 20 (banner
 * {@code Asterisk Call Manager/9.0.0}, CRLF lines, blank-line-terminated packets, the responses and
 * event layouts of main/manager.c). MockWebServer style: configure it, run the code under test
 * against {@link #port()}, push events ({@link #hold}, {@link #dtmfEnd}, ...), then look at what the
 * client sent ({@link #actions()}, {@link #awaitAction}). Logins use {@link #user()}/{@link #secret()};
 * plain and Challenge/MD5 logins both work. Every thread and socket ends with {@link #close()}.
 */
public final class FakeAmiServer implements AutoCloseable {
    /** AMI_VERSION of Asterisk 20 (include/asterisk/manager.h), shown in the banner. */
    public static final String ASTERISK_20_AMI_VERSION = "9.0.0";

    private final Instant bootTime = Instant.now();
    private final FakeCalls calls = new FakeCalls(this);
    private final FakeActionLog log = new FakeActionLog();
    private final FakeAmiListener listener = new FakeAmiListener(this);
    private volatile String user;
    private volatile String secret;
    private volatile String amiVersion = ASTERISK_20_AMI_VERSION;
    private volatile String asteriskVersion = "20.5.2";
    private volatile Duration authFailureDelay = Duration.ofSeconds(1);
    private volatile int readPerm = AmiPermissions.ALL;
    private volatile int writePerm = AmiPermissions.ALL;
    private volatile boolean silent;

    public FakeAmiServer(String user, String secret) {
        this.user = Objects.requireNonNull(user, "user");
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    /** Listens on 127.0.0.1: an ephemeral port the first time, the same port after {@link #stop()}. */
    public FakeAmiServer start() throws IOException {
        listener.start();
        return this;
    }

    /** The PBX goes down: refuses new connections and closes the open ones. {@link #start()} brings it back. */
    public void stop() {
        listener.stop();
    }

    /** Closes every client connection (like an Asterisk restart seen from the client) but keeps listening. */
    public void dropConnections() {
        listener.dropConnections();
    }

    @Override
    public void close() {
        setSilent(false);
        stop();
    }

    public int port() {
        return listener.port();
    }

    // --- configuration -------------------------------------------------------------------------

    public FakeAmiServer setSecret(String newSecret) {
        this.secret = Objects.requireNonNull(newSecret, "secret");
        return this;
    }

    public FakeAmiServer setUser(String newUser) {
        this.user = Objects.requireNonNull(newUser, "user");
        return this;
    }

    /** What CoreSettings and "core show version" report, e.g. "22.1.0". */
    public FakeAmiServer setAsteriskVersion(String version) {
        this.asteriskVersion = Objects.requireNonNull(version, "version");
        return this;
    }

    /** The banner's AMI version, e.g. "11.0.0" for an Asterisk 22. */
    public FakeAmiServer setAmiVersion(String version) {
        this.amiVersion = Objects.requireNonNull(version, "version");
        return this;
    }

    /** Asterisk waits one second before saying "Authentication failed"; tests may shorten it. */
    public FakeAmiServer setAuthFailureDelay(Duration delay) {
        this.authFailureDelay = Objects.requireNonNull(delay, "delay");
        return this;
    }

    /** manager.conf's read/write lines for the user, e.g. ("call,dtmf", "originate,call"); default all. */
    public FakeAmiServer setPermissions(String read, String write) {
        this.readPerm = AmiPermissions.parse(read);
        this.writePerm = AmiPermissions.parse(write);
        return this;
    }

    /** Every async Originate is answered: Newchannel, then a successful OriginateResponse (reason 4). */
    public FakeAmiServer autoAnswerOriginates() {
        calls.autoOutcome(4);
        return this;
    }

    /** Every async Originate fails after queueing, e.g. reason 5 (busy) or 3 (no answer). */
    public FakeAmiServer autoFailOriginates(int reason) {
        calls.autoOutcome(reason);
        return this;
    }

    /** Originate is refused up front with {@code Response: Error} and this message; null to accept again. */
    public FakeAmiServer refuseOriginates(String message) {
        calls.originateError(message);
        return this;
    }

    /**
     * A hung PBX (or a network that silently drops packets): connections stay open but nothing is
     * answered, no banner is sent and no event goes out, until {@code setSilent(false)}.
     */
    public FakeAmiServer setSilent(boolean newSilent) {
        synchronized (listener) {
            this.silent = newSilent;
            listener.notifyAll();
        }
        return this;
    }

    public String user() {
        return user;
    }

    public String secret() {
        return secret;
    }

    // --- events -------------------------------------------------------------------------------

    public void hold(String channel, String uniqueId) {
        emitChannelEvent(AmiEvents.hold(ChannelSnapshot.up(channel, uniqueId), null), channel);
    }

    public void unhold(String channel, String uniqueId) {
        emitChannelEvent(AmiEvents.unhold(ChannelSnapshot.up(channel, uniqueId)), channel);
    }

    public void musicOnHoldStart(String channel, String uniqueId) {
        emitChannelEvent(AmiEvents.musicOnHoldStart(ChannelSnapshot.up(channel, uniqueId), "default"), channel);
    }

    public void musicOnHoldStop(String channel, String uniqueId) {
        emitChannelEvent(AmiEvents.musicOnHoldStop(ChannelSnapshot.up(channel, uniqueId)), channel);
    }

    /** A key the phone pressed ({@code Direction: Received}). */
    public void dtmfEnd(String channel, String uniqueId, char digit) {
        dtmfEnd(channel, uniqueId, digit, "Received");
    }

    public void dtmfEnd(String channel, String uniqueId, char digit, String direction) {
        emitChannelEvent(AmiEvents.dtmfEnd(ChannelSnapshot.up(channel, uniqueId), digit, 120, direction), channel);
    }

    public void hangup(String channel, String uniqueId, int cause) {
        broadcast(AmiEvents.hangup(ChannelSnapshot.up(channel, uniqueId), cause));
        calls.channelGone(channel);
    }

    /** An OriginateResponse by hand; Application/Data/CallerID come from the recorded Originate when there is one. */
    public void originateResponse(String actionId, boolean success, String channel, String uniqueId, int reason) {
        RecordedAction originate = log.all().stream()
                .filter(a -> "Originate".equalsIgnoreCase(a.name()) && actionId.equals(a.actionId()))
                .findFirst().orElse(null);
        String[] callerId = FakeCalls.parseCallerId(originate == null ? "" : orEmpty(originate.get("CallerID")));
        if (success) calls.channelSeen(channel);
        broadcast(AmiEvents.originateResponse(actionId, success, channel,
                originate == null ? "" : orEmpty(originate.get("Application")),
                originate == null ? "" : orEmpty(originate.get("Data")), reason, uniqueId, callerId[0], callerId[1]));
    }

    /** Sends any event packet (see {@link AmiEvents}) to every logged-in session its Privilege allows. */
    public void emit(String eventPacket) {
        if (!eventPacket.startsWith("Event: ") || !eventPacket.endsWith("\r\n\r\n")) {
            throw new IllegalArgumentException("an AMI event starts with 'Event: ' and ends with a blank CRLF line");
        }
        broadcast(eventPacket);
    }

    /** The next agent channel name for a device, e.g. PJSIP/201 → PJSIP/201-00000003. */
    public String nextChannelName(String device) {
        return calls.nextChannelName(device);
    }

    public String nextUniqueId() {
        return calls.nextUniqueId();
    }

    // --- what the clients did -------------------------------------------------------------------

    /** Every action received so far, in arrival order, across all connections. */
    public List<RecordedAction> actions() {
        return log.all();
    }

    public List<RecordedAction> actions(String name) {
        return log.named(name);
    }

    /** The first action with this name, waiting for it up to {@code timeout}. */
    public RecordedAction awaitAction(String name, Duration timeout) {
        return log.await(name, 1, timeout).get(0);
    }

    /** Waits until {@code count} actions with this name arrived; returns them all. */
    public List<RecordedAction> awaitActions(String name, int count, Duration timeout) {
        return log.await(name, count, timeout);
    }

    /** Successful logins since the server was created (each reconnect counts). */
    public int logins() {
        return log.logins();
    }

    /** Waits until at least {@code count} logins succeeded in total. */
    public void awaitLogins(int count, Duration timeout) {
        log.awaitLogins(count, timeout);
    }

    public int failedLogins() {
        return log.failedLogins();
    }

    /** Open client connections right now. */
    public int openConnections() {
        return listener.openConnections();
    }

    // --- package-private, for sessions -------------------------------------------------------------

    void broadcast(String packet) {
        if (!silent) listener.broadcast(packet, AmiPermissions.category(privilegeOf(packet)));
    }

    boolean isSilent() {
        return silent;
    }

    /** Parks a session thread while the PBX is silent; returns early if its socket closes. */
    void waitWhileSilent(java.net.Socket socket) throws InterruptedException {
        synchronized (listener) {
            while (silent && !socket.isClosed()) listener.wait(20);
        }
    }

    void record(RecordedAction action) {
        log.add(action);
    }

    void loggedIn() {
        log.loginSucceeded();
    }

    void loginFailed() {
        log.loginFailed();
    }

    void sessionEnded(FakeAmiSession session) {
        listener.ended(session);
    }

    String amiVersion() {
        return amiVersion;
    }

    Duration authFailureDelay() {
        return authFailureDelay;
    }

    int readPermissions() {
        return readPerm;
    }

    int writePermissions() {
        return writePerm;
    }

    long uptimeSeconds() {
        return Duration.between(bootTime, Instant.now()).toSeconds();
    }

    void originate(FakeAmiSession session, AmiWire.Packet packet, String actionId) throws IOException {
        calls.originate(session, packet, actionId);
    }

    String hangupAction(String channel, String actionId) {
        return calls.hangupAction(channel, actionId);
    }

    String coreSettings(String actionId) {
        return FakeSystemActions.coreSettings(actionId, amiVersion, asteriskVersion);
    }

    String command(String command, String actionId) {
        return FakeSystemActions.command(command, actionId, asteriskVersion);
    }

    private void emitChannelEvent(String packet, String channel) {
        calls.channelSeen(channel);
        broadcast(packet);
    }

    private static String privilegeOf(String packet) {
        for (String line : packet.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("privilege:")) return line.substring("privilege:".length()).trim();
        }
        return "";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
