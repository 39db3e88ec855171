package callsim.telephony.asterisk;

import callsim.telephony.CapturedLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import callsim.testkit.asterisk.FakeAmiServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connection drops, PBX restarts, back-off, and close() leaving nothing behind. */
class AmiClientReconnectTest {
    private static final Pattern NEXT_TRY = Pattern.compile("\\bin (\\d+) ms\\b");

    private final RecordingPbxListener listener = new RecordingPbxListener();
    private FakeAmiServer pbx;
    private AmiClient client;

    @BeforeEach
    void startPbx() throws Exception {
        pbx = new FakeAmiServer("callsim", "drill-secret").start();
    }

    @AfterEach
    void stopAll() {
        if (client != null) client.close();
        pbx.close();
    }

    private AmiClient connect(AmiClient.Backoff backoff) throws AmiLoginException {
        return AmiClient.start(new AmiSettings("127.0.0.1", pbx.port(), "callsim", "drill-secret"), listener, backoff,
                Duration.ofSeconds(3));
    }

    @Test
    void droppedConnectionIsReportedThenRestoredAndEventsFlowAgain() throws Exception {
        client = connect(new AmiClient.Backoff(Duration.ofMillis(300), Duration.ofSeconds(2)));

        pbx.dropConnections();

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.disconnectReasons.size() == 1);
        assertThat(listener.disconnectReasons.get(0)).isEqualTo("Asterisk closed the connection");
        assertThat(client.isConnected()).isFalse();
        long lostAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(5)).until(client::isConnected);
        assertThat(Duration.ofNanos(System.nanoTime() - lostAt)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.connects.get() == 2);
        assertThat(listener.events).containsExactly("connected", "disconnected", "connected");
        assertThat(pbx.awaitActions("Login", 2, Duration.ofSeconds(1)).get(1).session()).isEqualTo(2);

        pbx.hold("PJSIP/201-00000001", "1.1");

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.events.contains("hold PJSIP/201-00000001 1.1"));
    }

    @Test
    void restartedPbxIsRetriedWithDoublingWaitsUpToTheCap() throws Exception {
        client = connect(new AmiClient.Backoff(Duration.ofMillis(40), Duration.ofMillis(160)));
        try (CapturedLog logs = CapturedLog.everyLevel("callsim", "org.asteriskjava")) {
            pbx.stop();
            await().atMost(Duration.ofSeconds(5)).until(() -> nextTries(logs).size() >= 5);
            assertThat(nextTries(logs).subList(0, 5)).containsExactly(40L, 80L, 160L, 160L, 160L);
            assertThat(listener.disconnectReasons).hasSize(1);
        }

        pbx.start();

        await().atMost(Duration.ofSeconds(5)).until(client::isConnected);
        assertThat(listener.connects).hasValue(2);
    }

    @Test
    void pbxThatGoesSilentIsNoticedByTheKeepaliveAndReconnectedWhenItAnswersAgain() throws Exception {
        client = AmiClient.start(new AmiSettings("127.0.0.1", pbx.port(), "callsim", "drill-secret"), listener,
                new AmiClient.Backoff(Duration.ofMillis(50), Duration.ofMillis(100)), Duration.ofSeconds(2),
                Duration.ofMillis(100));
        pbx.awaitActions("Ping", 2, Duration.ofSeconds(5)); // pings flow while all is well
        assertThat(listener.disconnectReasons).isEmpty();

        pbx.setSilent(true); // no FIN, no RST: only the missing Pongs tell

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.disconnectReasons.size() == 1);
        assertThat(listener.disconnectReasons.get(0)).contains("keepalive unanswered");
        pbx.setSilent(false);
        await().atMost(Duration.ofSeconds(10)).until(client::isConnected);
        assertThat(listener.connects).hasValue(2);
    }

    @Test
    void closeLogsOffAndLeavesNoThreadBehind() throws Exception {
        client = connect(AmiClient.Backoff.standard());
        pbx.hold("PJSIP/201-00000001", "1.1");
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.events.size() == 2);

        client.close();

        assertThat(pbx.awaitAction("Logoff", Duration.ofSeconds(1))).isNotNull();
        assertThat(client.isConnected()).isFalse();
        await().atMost(Duration.ofMillis(500)).untilAsserted(() -> assertThat(AmiThreads.alive()).isEmpty());
    }

    @Test
    void closeWhileReconnectingStopsPromptly() throws Exception {
        client = connect(new AmiClient.Backoff(Duration.ofMillis(20), Duration.ofMillis(40)));
        pbx.stop();
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.disconnectReasons.size() == 1);

        long started = System.nanoTime();
        client.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        await().atMost(Duration.ofMillis(500)).untilAsserted(() -> assertThat(AmiThreads.alive()).isEmpty());
        int logins = pbx.logins();
        pbx.start();
        assertThat(pbx.openConnections()).isZero();
        assertThat(pbx.logins()).isEqualTo(logins);
    }

    @Test
    void nothingIsCalledBackAfterClose() throws Exception {
        client = connect(new AmiClient.Backoff(Duration.ofMillis(20), Duration.ofMillis(40)));
        client.close();
        List<String> before = new ArrayList<>(listener.events);

        pbx.hold("PJSIP/201-00000001", "1.1");
        pbx.dropConnections();

        assertThat(pbx.openConnections()).isZero();
        assertThat(listener.events).isEqualTo(before);
    }

    private static List<Long> nextTries(CapturedLog logs) {
        List<Long> delays = new ArrayList<>();
        for (String line : logs.lines()) {
            if (!line.contains(" " + AmiClient.class.getName() + ": ")) continue;
            Matcher m = NEXT_TRY.matcher(line);
            if (m.find()) delays.add(Long.parseLong(m.group(1)));
        }
        return delays;
    }
}
