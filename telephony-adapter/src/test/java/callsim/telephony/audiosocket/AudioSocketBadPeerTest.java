package callsim.telephony.audiosocket;

import callsim.telephony.CapturedLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Peers that break the protocol lose their own connection, with one clear log line; others carry on. */
class AudioSocketBadPeerTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final RecordingCalls calls = new RecordingCalls();
    private final List<FakeAsterisk> peers = new ArrayList<>();
    private final CapturedLog warnings = new CapturedLog("callsim.telephony.audiosocket");
    private AudioSocketServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = AudioSocketServer.start(new InetSocketAddress("127.0.0.1", 0), calls, Duration.ofSeconds(3));
    }

    @AfterEach
    void stopEverything() throws IOException {
        for (FakeAsterisk peer : peers) {
            peer.close();
        }
        server.close();
        await().atMost(WAIT).until(() -> server.activeConnections() == 0);
        warnings.close();
    }

    private FakeAsterisk connect() throws IOException {
        FakeAsterisk peer = FakeAsterisk.connect(server.port());
        peers.add(peer);
        return peer;
    }

    /** The bad peer is gone, exactly one warning names the problem, and a normal call still works. */
    private void assertClosedWithOneWarningWhileANormalCallWorks(FakeAsterisk badPeer, String problem) throws IOException {
        await().atMost(WAIT).until(badPeer::closedByServer);
        assertOneWarning(problem);
        assertANormalCallStillWorks();
    }

    private void assertOneWarning(String problem) {
        await().atMost(WAIT).until(() -> !warnings.warningsContaining(problem).isEmpty());
        assertThat(warnings.warnings()).as("warnings").hasSize(1);
        assertThat(warnings.warnings().get(0)).contains("127.0.0.1").contains("closing the connection");
    }

    private void assertANormalCallStillWorks() throws IOException {
        UUID good = UUID.randomUUID();
        FakeAsterisk normal = FakeAsterisk.call(server.port(), good);
        peers.add(normal);
        await().atMost(WAIT).until(() -> calls.calls.stream().anyMatch(call -> call.line.callId().equals(good.toString())
                && call.frames.size() >= 2));
        normal.sendHangUp();
        await().atMost(WAIT).until(() -> calls.calls.get(calls.calls.size() - 1).hangUps.contains("agent hung up"));
    }

    @Test
    void anUnknownTypeClosesThatConnection() throws IOException {
        FakeAsterisk bad = connect();
        bad.send(AudioSocketFrame.uuid(UUID.randomUUID()));
        await().atMost(WAIT).until(() -> calls.calls.size() == 1);
        bad.sendRaw(HexFormat.of().parseHex("040002abcd"));

        assertClosedWithOneWarningWhileANormalCallWorks(bad, "unknown AudioSocket message type 0x04");
        assertThat(calls.calls.get(0).hangUps).containsExactly("AudioSocket protocol error");
    }

    @Test
    void anOversizedLengthClosesThatConnection() throws IOException {
        FakeAsterisk bad = connect();
        bad.send(AudioSocketFrame.uuid(UUID.randomUUID()));
        bad.sendRaw(HexFormat.of().parseHex("10f000"));

        assertClosedWithOneWarningWhileANormalCallWorks(bad, "length 61440 exceeds the maximum of 8192");
    }

    @Test
    void audioBeforeTheUuidClosesThatConnectionWithoutACall() throws IOException {
        FakeAsterisk bad = connect();
        bad.send(AudioSocketFrame.audio(new short[160]));

        assertClosedWithOneWarningWhileANormalCallWorks(bad, "AUDIO before the call UUID");
        assertThat(calls.calls).hasSize(1); // only the normal one
    }

    @Test
    void aPeerVanishingMidFrameIsLoggedAndItsCallEnds() throws IOException {
        FakeAsterisk bad = connect();
        bad.send(AudioSocketFrame.uuid(UUID.randomUUID()));
        await().atMost(WAIT).until(() -> calls.calls.size() == 1);
        byte[] audio = AudioSocketCodec.encode(AudioSocketFrame.audio(new short[160]));
        bad.sendRaw(java.util.Arrays.copyOf(audio, 100));
        bad.close();

        assertOneWarning("vanished mid-frame (AUDIO payload 97 of 320 bytes)");
        await().atMost(WAIT).until(() -> server.activeConnections() == 0);
        assertThat(calls.calls.get(0).hangUps).containsExactly("connection lost");
        assertANormalCallStillWorks();
    }

    @Test
    void aPeerVanishingInsideAHeaderBeforeTheUuidIsLogged() throws IOException {
        FakeAsterisk bad = connect();
        bad.sendRaw(new byte[] {0x01, 0x00});
        bad.close();

        assertOneWarning("vanished mid-frame (2 of 3 header bytes)");
        assertANormalCallStillWorks();
        assertThat(calls.calls).hasSize(1);
    }

    @Test
    void aPeerThatNeverSendsItsUuidIsDroppedAfterTheIdleTimeout() throws IOException {
        server.close();
        server = AudioSocketServer.start(new InetSocketAddress("127.0.0.1", 0), calls, Duration.ofMillis(300));
        FakeAsterisk silent = connect();

        assertClosedWithOneWarningWhileANormalCallWorks(silent, "sent no call UUID within 300 ms");
    }

    @Test
    void aPeerThatStopsReadingCostsDroppedFramesNotABlockedPipeline() throws IOException {
        FakeAsterisk stuck = FakeAsterisk.call(server.port(), UUID.randomUUID());
        peers.add(stuck);
        await().atMost(WAIT).until(() -> calls.calls.size() == 1);
        stuck.stopReading();
        var line = calls.only().line;

        short[] frame = AudioSocketCallTest.tone(160, 500);
        await().atMost(WAIT).until(() -> {
            for (int i = 0; i < 500; i++) {
                line.sendAudio(frame); // never blocks: the await would time out if it did
            }
            return !warnings.warningsContaining("peer is not reading, dropped").isEmpty();
        });
        line.hangUp();
        await().atMost(WAIT).until(() -> server.activeConnections() == 0);
        assertThat(calls.only().hangUps).containsExactly("simulator hung up");
    }
}
