package callsim.telephony.audiosocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import callsim.telephony.AllowedPeers;
import callsim.telephony.CapturedLog;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** AudioSocket peers that reuse a call, are not allowed, or vanish (issue 15, findings 9, 11, 14). */
class AudioSocketHostilePeerTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final RecordingCalls calls = new RecordingCalls();

    @Test
    void aSecondConnectionWithACallUuidAlreadyOnTheLineIsRefused() throws Exception {
        try (CapturedLog log = new CapturedLog("callsim.telephony.audiosocket");
             AudioSocketServer server = AudioSocketServer.start(new InetSocketAddress("127.0.0.1", 0), calls, Duration.ofSeconds(3))) {
            UUID id = UUID.randomUUID();
            try (FakeAsterisk first = FakeAsterisk.call(server.port(), id)) {
                await().atMost(WAIT).until(() -> calls.calls.size() == 1);
                try (FakeAsterisk second = FakeAsterisk.call(server.port(), id)) {
                    await().atMost(WAIT).until(second::closedByServer);
                }
                assertThat(calls.calls).hasSize(1);
                assertThat(log.warningsContaining("already on the line")).hasSize(1);
                assertThat(first.closedByServer()).isFalse();

                first.sendHangUp();
                await().atMost(WAIT).until(first::closedByServer);
            }
            // Once that call is over its UUID may come again (Asterisk retrying a drill).
            try (FakeAsterisk again = FakeAsterisk.call(server.port(), id)) {
                await().atMost(WAIT).until(() -> calls.calls.size() == 2);
                again.sendHangUp();
            }
        }
    }

    @Test
    void aPeerOutsideTheAllowedAddressesIsClosedBeforeItsCallStarts() throws Exception {
        try (CapturedLog log = new CapturedLog(AllowedPeers.class.getName());
             AudioSocketServer server = AudioSocketServer.start(new InetSocketAddress("127.0.0.1", 0), calls, Duration.ofSeconds(3),
                     AllowedPeers.of(List.of("192.0.2.0/24"), "127.0.0.1"))) {
            for (int i = 0; i < 3; i++) {
                try (FakeAsterisk peer = FakeAsterisk.call(server.port(), UUID.randomUUID())) {
                    await().atMost(WAIT).until(peer::closedByServer);
                }
            }
            assertThat(calls.calls).isEmpty();
            assertThat(log.warningsContaining("refused AudioSocket connection from 127.0.0.1")).hasSize(1);
        }
    }

    @Test
    void aPeerThatFallsSilentIsReportedAsADroppedLine() throws Exception {
        try (AudioSocketServer server = AudioSocketServer.start(new InetSocketAddress("127.0.0.1", 0), calls, Duration.ofMillis(400));
             FakeAsterisk peer = FakeAsterisk.call(server.port(), UUID.randomUUID())) {
            await().atMost(WAIT).until(() -> calls.calls.size() == 1 && calls.calls.get(0).frames.size() >= 2);
            peer.stopAudio();

            await().atMost(WAIT).until(() -> !calls.calls.get(0).hangUps.isEmpty());
            assertThat(calls.calls.get(0).drops).containsExactly("media timeout");
        }
    }
}
