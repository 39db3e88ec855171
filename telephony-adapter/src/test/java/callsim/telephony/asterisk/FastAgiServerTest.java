package callsim.telephony.asterisk;

import callsim.telephony.CapturedLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import callsim.testkit.asterisk.FakeFastAgiClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The listener itself: binding, surviving junk, and stopping without leaving threads behind. */
class FastAgiServerTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    @Test
    void portZeroListensOnARealPort() throws Exception {
        try (FastAgiServer server = FastAgiServer.start(ANY_LOOPBACK_PORT, new FastAgiCalls());
             FakeFastAgiClient agi = FakeFastAgiClient.builder("agi://127.0.0.1:" + server.port() + "/drill").connect()) {
            assertThat(server.port()).isPositive();
            await().atMost(WAIT).until(agi::isClosedByServer);
            assertThat(agi.commandTexts()).last().isEqualTo("HANGUP");
        }
    }

    @Test
    void aPortInUseIsReportedWithTheAddress() throws Exception {
        try (FastAgiServer first = FastAgiServer.start(ANY_LOOPBACK_PORT, new FastAgiCalls())) {
            InetSocketAddress taken = new InetSocketAddress(InetAddress.getLoopbackAddress(), first.port());

            assertThatThrownBy(() -> FastAgiServer.start(taken, new FastAgiCalls()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("cannot listen for FastAGI on").hasMessageContaining(":" + first.port());
        }
    }

    @Test
    void requiresAnAddressAndAHandler() {
        assertThatThrownBy(() -> FastAgiServer.start(null, new FastAgiCalls())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FastAgiServer.start(ANY_LOOPBACK_PORT, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void connectionsThatAreNotAsteriskDoNotStopTheServer() throws Exception {
        try (CapturedLog log = new CapturedLog("callsim.telephony.asterisk");
             FastAgiServer server = FastAgiServer.start(ANY_LOOPBACK_PORT, new FastAgiCalls())) {
            new Socket(InetAddress.getLoopbackAddress(), server.port()).close();
            try (Socket junk = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                OutputStream out = junk.getOutputStream();
                out.write("GET / HTTP/1.1\nHost: x\n\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                junk.setSoTimeout(5000);
                assertThat(junk.getInputStream().read()).isEqualTo(-1); // dropped, nothing sent
            }

            FakeFastAgiClient agi = FakeFastAgiClient.builder("agi://127.0.0.1:" + server.port() + "/drill?scenario=x")
                    .holdExec("AudioSocket").connect();
            try (agi) {
                await().atMost(WAIT).until(() -> agi.heldApplication() != null);
            }
            assertThat(log.containing("sent no agi_ environment")).isNotEmpty();
        }
    }

    @Test
    void aConnectionThatSendsNoRequestIsDroppedAfterTheRequestTimeout() throws Exception {
        try (CapturedLog log = new CapturedLog("callsim.telephony.asterisk");
             FastAgiServer server = FastAgiServer.start(ANY_LOOPBACK_PORT, new FastAgiCalls(), Duration.ofMillis(200));
             Socket silent = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            silent.setSoTimeout(5000);

            assertThat(silent.getInputStream().read()).isEqualTo(-1);
            assertThat(log.warnings()).singleElement().asString().contains("no FastAGI request from").contains("within 200 ms");
            try (FakeFastAgiClient agi = FakeFastAgiClient.builder("agi://127.0.0.1:" + server.port() + "/drill")
                    .holdExec("AudioSocket").connect()) {
                // the drill keeps the connection silent for longer than the request timeout: it must survive
                await().atMost(WAIT).until(() -> agi.heldApplication() != null);
                await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> !agi.isClosedByServer());
                agi.releaseExec();
                await().atMost(WAIT).until(agi::isClosedByServer);
                assertThat(agi.commandTexts()).last().isEqualTo("HANGUP");
            }
        }
    }

    @Test
    void closeStopsListeningDropsCallsAndLeavesNoThreads() throws Exception {
        FastAgiServer server = FastAgiServer.start(ANY_LOOPBACK_PORT, new FastAgiCalls());
        int port = server.port();
        FakeFastAgiClient inDrill = FakeFastAgiClient.builder("agi://127.0.0.1:" + port + "/drill").holdExec("AudioSocket").connect();
        FakeFastAgiClient done = FakeFastAgiClient.builder("agi://127.0.0.1:" + port + "/drill").connect();
        try (inDrill; done) {
            await().atMost(WAIT).until(() -> inDrill.heldApplication() != null && done.isClosedByServer());
            assertThat(threadsOf(port)).isNotEmpty();

            server.close();

            assertThat(threadsOf(port)).isEmpty();
            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                    .isInstanceOf(ConnectException.class);
            inDrill.releaseExec(); // AudioSocket returns; Asterisk then finds the AGI connection gone
            await().atMost(WAIT).until(inDrill::isClosedByServer);
            server.close(); // idempotent
        }
    }

    private static List<String> threadsOf(int port) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("callsim-fastagi-" + port + "-"))
                .toList();
    }
}
