package callsim.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import callsim.telephony.AllowedPeers;
import callsim.telephony.CapturedLog;
import callsim.testkit.asterisk.FakeFastAgiClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FastAGI peers that are not Asterisk, or not allowed: each is dropped in bounded time and memory (issue 15, findings 2, 3, 11). */
class FastAgiHostilePeerTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private static final Duration SHORT = Duration.ofMillis(300);

    @Test
    void anEnvironmentWithTooManyLinesIsCutOff() throws Exception {
        try (CapturedLog log = new CapturedLog("callsim.telephony.asterisk");
             FastAgiServer server = FastAgiServer.start(ANY_LOOPBACK_PORT, new FastAgiCalls(), Duration.ofSeconds(10));
             Socket agi = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            agi.setSoTimeout((int) WAIT.toMillis());
            String line = "agi_arg_1: " + "x".repeat(100) + "\n";
            writeUntilRefused(agi, line, AgiSocket.MAX_REQUEST_LINES + 50);

            // Dropped at once, not after the 10 s request timeout, and without a blank line ever coming.
            assertThat(readUntilClosed(agi.getInputStream())).isEmpty();
            await().atMost(WAIT).until(() -> !log.containing("environment longer than " + AgiSocket.MAX_REQUEST_LINES + " lines").isEmpty());
        }
    }

    @Test
    void anEnvironmentOfTooManyBytesIsCutOff() throws Exception {
        try (CapturedLog log = new CapturedLog("callsim.telephony.asterisk");
             FastAgiServer server = FastAgiServer.start(ANY_LOOPBACK_PORT, new FastAgiCalls(), Duration.ofSeconds(10));
             Socket agi = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            agi.setSoTimeout((int) WAIT.toMillis());
            String line = "agi_arg_1: " + "x".repeat(10_000) + "\n";
            writeUntilRefused(agi, line, 10);

            assertThat(readUntilClosed(agi.getInputStream())).isEmpty();
            await().atMost(WAIT).until(() -> !log.containing("environment larger than").isEmpty());
        }
    }

    @Test
    void aPeerThatSendsItsEnvironmentAndThenFallsSilentIsDropped() throws Exception {
        try (CapturedLog log = new CapturedLog("callsim.telephony.asterisk");
             FastAgiServer server = FastAgiServer.start(ANY_LOOPBACK_PORT, new FastAgiCalls(), SHORT);
             Socket agi = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            agi.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = agi.getOutputStream();
            out.write(("agi_network: yes\nagi_network_script: drill\nagi_request: agi://127.0.0.1/drill\n"
                    + "agi_channel: PJSIP/201-1\nagi_uniqueid: 1.1\nagi_callerid: 201\n\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            // ANSWER goes out, no reply ever comes: the worker is freed after the reply timeout, not held for ever.
            assertThat(readUntilClosed(agi.getInputStream())).startsWith("ANSWER");
            await().atMost(WAIT).until(() -> !log.warningsContaining("no reply on the FastAGI connection").isEmpty());
        }
    }

    @Test
    void anAudioSocketExecWhoseDrillNeverComesIsDroppedButARunningDrillIsKept() throws Exception {
        FastAgiCalls calls = new FastAgiCalls();
        try (CapturedLog log = new CapturedLog("callsim.telephony.asterisk");
             FastAgiServer server = FastAgiServer.start(ANY_LOOPBACK_PORT, calls, SHORT);
             FakeFastAgiClient agi = FakeFastAgiClient.builder("agi://127.0.0.1:" + server.port() + "/drill?scenario=x")
                     .holdExec("AudioSocket").connect()) {
            agi.awaitExecHeld(WAIT);
            // Its drill is on the line: EXEC may stay silent far beyond the reply timeout.
            Thread.sleep(3 * SHORT.toMillis());
            assertThat(agi.isClosedByServer()).isFalse();

            calls.drillsPending = false; // the drill never connected its media, or was forgotten

            // (The fake, like Asterisk, notices only when AudioSocket returns; the server side has let go.)
            await().atMost(WAIT).until(() -> !log.warningsContaining("is no longer expected").isEmpty());

        }
    }

    @Test
    void aPeerOutsideTheAllowedAddressesIsClosedAtOnceAndLoggedOnce() throws Exception {
        FastAgiCalls calls = new FastAgiCalls();
        try (CapturedLog log = new CapturedLog(AllowedPeers.class.getName());
             FastAgiServer server = FastAgiServer.start(ANY_LOOPBACK_PORT, calls, AllowedPeers.of(List.of("192.0.2.0/24"), "127.0.0.1"))) {
            for (int i = 0; i < 3; i++) {
                try (FakeFastAgiClient agi = FakeFastAgiClient.builder("agi://127.0.0.1:" + server.port() + "/drill").connect()) {
                    agi.awaitClosedByServer(WAIT);
                    assertThat(agi.commands()).isEmpty();
                }
            }
            assertThat(calls.calls).isEmpty();
            assertThat(log.warningsContaining("refused FastAGI connection from 127.0.0.1")).hasSize(1);
        }
    }

    /** Writes {@code line} up to {@code times} times, stopping quietly once the server has closed the connection. */
    private static void writeUntilRefused(Socket socket, String line, int times) {
        byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
        try {
            OutputStream out = socket.getOutputStream();
            out.write("agi_network: yes\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < times; i++) out.write(bytes);
            out.flush();
        } catch (IOException closedByServer) {
            // expected once the limit is hit
        }
    }

    /** Everything the server sent until it closed the connection; fails if it is still open after 5 s. */
    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) received.write(buffer, 0, n);
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open for 5 s", e);
        } catch (java.net.SocketException reset) {
            // closed with unread input: a reset is a close too
        }
        return received.toString(StandardCharsets.US_ASCII);
    }
}
