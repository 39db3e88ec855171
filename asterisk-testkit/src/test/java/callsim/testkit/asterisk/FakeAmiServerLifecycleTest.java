package callsim.testkit.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A PBX that restarts, goes down and comes back on the same port, and cleans up after itself. */
class FakeAmiServerLifecycleTest {

    @Test
    void droppingConnectionsKeepsListening() throws Exception {
        try (FakeAmiServer server = new FakeAmiServer("callsim", "s3cret").start();
             RawAmiClient first = new RawAmiClient(server.port())) {
            first.login("callsim", "s3cret");
            first.readPacket(); // FullyBooted

            server.dropConnections();

            assertThat(first.closedByServer()).isTrue();
            assertThat(server.openConnections()).isZero();
            try (RawAmiClient second = new RawAmiClient(server.port())) {
                assertThat(second.login("callsim", "s3cret")).contains("Authentication accepted");
            }
            assertThat(server.awaitActions("Login", 2, Duration.ofSeconds(5)))
                    .extracting(RecordedAction::session).containsExactly(1, 2);
        }
    }

    @Test
    void stoppedServerRefusesConnectionsAndRestartsOnTheSamePort() throws Exception {
        try (FakeAmiServer server = new FakeAmiServer("callsim", "s3cret").start()) {
            int port = server.port();
            server.stop();

            assertThatThrownBy(() -> new RawAmiClient(port)).isInstanceOf(ConnectException.class);

            server.start();
            assertThat(server.port()).isEqualTo(port);
            try (RawAmiClient client = new RawAmiClient(port)) {
                assertThat(client.readLine()).isEqualTo("Asterisk Call Manager/9.0.0\r\n");
            }
        }
    }

    @Test
    void silentServerHoldsTheBannerAndAnswersNothingUntilItWakesUp() throws Exception {
        try (FakeAmiServer server = new FakeAmiServer("callsim", "s3cret").start()) {
            try (RawAmiClient early = new RawAmiClient(server.port())) {
                early.login("callsim", "s3cret");
                early.readPacket(); // FullyBooted
                early.setReadTimeout(Duration.ofMillis(300));
                server.setSilent(true);

                early.send("Action: Ping\r\nActionID: p\r\n\r\n");
                server.hold("PJSIP/201-00000001", "1.1");

                assertThat(early.staysQuiet()).isTrue();
                assertThat(server.awaitAction("Ping", Duration.ofSeconds(1)).actionId()).isEqualTo("p");
            }
            try (RawAmiClient late = new RawAmiClient(server.port())) {
                late.setReadTimeout(Duration.ofMillis(300));
                assertThat(late.staysQuiet()).isTrue();

                server.setSilent(false);

                late.setReadTimeout(Duration.ofSeconds(5));
                assertThat(late.readLine()).isEqualTo("Asterisk Call Manager/9.0.0\r\n");
            }
        }
    }

    @Test
    void closeEndsEveryThreadItStarted() throws Exception {
        FakeAmiServer server = new FakeAmiServer("callsim", "s3cret").start();
        try (RawAmiClient a = new RawAmiClient(server.port()); RawAmiClient b = new RawAmiClient(server.port())) {
            a.login("callsim", "s3cret");
            a.readPacket(); // FullyBooted
            b.readLine();
            server.close();
            assertThat(a.closedByServer()).isTrue();
        }
        assertThat(fakeThreads()).isEmpty();
    }

    @Test
    void awaitActionFailsWithWhatDidArrive() throws Exception {
        try (FakeAmiServer server = new FakeAmiServer("callsim", "s3cret").start();
             RawAmiClient client = new RawAmiClient(server.port())) {
            client.login("callsim", "s3cret");
            assertThatThrownBy(() -> server.awaitAction("Originate", Duration.ofMillis(100)))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("Originate").hasMessageContaining("[Login]");
        }
    }

    private static Set<String> fakeThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("fake-ami-")).collect(Collectors.toSet());
    }
}
