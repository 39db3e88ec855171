package callsim.telephony.asterisk;

import callsim.telephony.CapturedLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import callsim.testkit.asterisk.FakeAmiServer;
import callsim.testkit.asterisk.RecordedAction;
import java.time.Duration;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Logging in to a (fake) Asterisk 20: accepted, refused, not there yet, and with a restricted user. */
class AmiClientLoginTest {
    private static final AmiClient.Backoff FAST = new AmiClient.Backoff(Duration.ofMillis(50), Duration.ofMillis(200));
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(3);

    private final RecordingPbxListener listener = new RecordingPbxListener();
    private FakeAmiServer pbx;
    private AmiClient client;

    @BeforeEach
    void startPbx() throws Exception {
        pbx = new FakeAmiServer("callsim", "drill-secret").setAuthFailureDelay(Duration.ofMillis(100)).start();
    }

    @AfterEach
    void stopAll() {
        if (client != null) client.close();
        pbx.close();
    }

    private AmiSettings settings(String secret) {
        return new AmiSettings("127.0.0.1", pbx.port(), "callsim", secret);
    }

    @Test
    void logsInWithChallengeAndMd5AskingOnlyForCallAndDtmfEvents() throws Exception {
        client = AmiClient.start(settings("drill-secret"), listener, FAST, LOGIN_TIMEOUT);

        assertThat(client.isConnected()).isTrue();
        assertThat(listener.connects).hasValue(1);
        assertThat(pbx.awaitAction("Challenge", Duration.ofSeconds(1)).get("AuthType")).isEqualTo("MD5");
        RecordedAction login = pbx.awaitAction("Login", Duration.ofSeconds(1));
        assertThat(login.get("Username")).isEqualTo("callsim");
        assertThat(login.get("AuthType")).isEqualTo("MD5");
        assertThat(login.get("Key")).matches("[0-9a-f]{32}");
        assertThat(login.get("Secret")).isNull();
        assertThat(login.get("Events")).isEqualTo("call,dtmf");
        assertThat(pbx.actions()).extracting(RecordedAction::name).startsWith("Challenge", "Login", "CoreSettings");
    }

    @Test
    void wrongSecretFailsAtOnceNamingUserAndPbx() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> AmiClient.start(settings("not-the-secret"), listener, FAST, LOGIN_TIMEOUT))
                .isInstanceOf(AmiLoginException.class)
                .hasMessageContaining("callsim@127.0.0.1:" + pbx.port())
                .hasMessageContaining("Authentication failed")
                .hasMessageNotContaining("not-the-secret");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LOGIN_TIMEOUT);
        assertThat(pbx.failedLogins()).isEqualTo(1);
        assertThat(listener.connects).hasValue(0);
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(AmiThreads.alive()).isEmpty());
    }

    @Test
    void unreachablePbxIsRetriedInTheBackgroundUntilItComesUp() throws Exception {
        int port = pbx.port();
        pbx.stop();
        try (CapturedLog logs = CapturedLog.everyLevel("callsim", "org.asteriskjava")) {
            long started = System.nanoTime();
            client = AmiClient.start(settings("drill-secret"), listener, FAST, LOGIN_TIMEOUT);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            assertThat(client.isConnected()).isFalse();
            assertThat(logs.linesAtLeast(Level.WARNING))
                    .anySatisfy(line -> assertThat(line).contains("cannot reach Asterisk at callsim@127.0.0.1:" + port));
        }

        pbx.start();

        await().atMost(Duration.ofSeconds(5)).until(client::isConnected);
        assertThat(pbx.port()).isEqualTo(port);
        assertThat(listener.connects).hasValue(1);
    }

    @Test
    void pbxThatAppearsWithAWrongSecretKeepsBeingRetriedWithoutThrowing() throws Exception {
        pbx.stop();
        client = AmiClient.start(settings("drill-secret"), listener, FAST, LOGIN_TIMEOUT);
        pbx.setSecret("rotated").start();

        await().atMost(Duration.ofSeconds(5)).until(() -> pbx.failedLogins() >= 2);
        assertThat(client.isConnected()).isFalse();

        pbx.setSecret("drill-secret");
        await().atMost(Duration.ofSeconds(5)).until(client::isConnected);
    }

    @Test
    void userWithoutSystemPermissionStillLogsInAndAssumesAsterisk20() throws Exception {
        pbx.setPermissions("call,dtmf", "originate,call");

        long started = System.nanoTime();
        client = AmiClient.start(settings("drill-secret"), listener, FAST, LOGIN_TIMEOUT);

        assertThat(client.isConnected()).isTrue();
        // one CoreSettings and one Command each, not Asterisk-Java's four rounds with half-second pauses
        assertThat(pbx.actions("CoreSettings")).hasSize(1);
        assertThat(pbx.actions("Command")).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void loginCutShortByThePbxIsRetriedNotTakenForABadSecret() throws Exception {
        // a PBX that hangs up as soon as the login starts (e.g. Asterisk's session limit)
        java.net.ServerSocket rude = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> hangUpAfterFirstAction(rude), "rude-pbx");
        acceptor.start();
        try {
            long started = System.nanoTime();

            client = AmiClient.start(new AmiSettings("127.0.0.1", rude.getLocalPort(), "callsim", "drill-secret"),
                    listener, FAST, LOGIN_TIMEOUT);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LOGIN_TIMEOUT);
            assertThat(client.isConnected()).isFalse();
            client.close();
        } finally {
            rude.close();
            acceptor.join(2000);
        }
        await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(AmiThreads.alive()).isEmpty());
    }

    private static void hangUpAfterFirstAction(java.net.ServerSocket server) {
        while (!server.isClosed()) {
            try (java.net.Socket socket = server.accept()) {
                socket.setSoTimeout(2000);
                socket.getOutputStream().write("Asterisk Call Manager/9.0.0\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                java.io.InputStream in = socket.getInputStream();
                int b;
                int newlines = 0;
                while (newlines < 2 && (b = in.read()) != -1) {
                    if (b == '\n') newlines++;
                    else if (b != '\r') newlines = 0;
                }
            } catch (java.io.IOException e) {
                // closed by the test, or the client gave up first
            }
        }
    }

    @Test
    void badArgumentsAreRejectedWithClearMessages() {
        AmiSettings settings = settings("drill-secret");
        assertThatThrownBy(() -> AmiClient.start(settings, listener, FAST, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("login timeout");
        assertThatThrownBy(() -> AmiClient.start(settings, listener,
                new AmiClient.Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)), LOGIN_TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("below its first wait");
    }
}
