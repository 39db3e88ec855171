package callsim.telephony.audiosocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import callsim.telephony.CallLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls over real loopback sockets, driven by {@link FakeAsterisk}. */
class AudioSocketCallTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final RecordingCalls calls = new RecordingCalls();
    private final List<FakeAsterisk> peers = new ArrayList<>();
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
    }

    private FakeAsterisk call(UUID id) throws IOException {
        FakeAsterisk peer = FakeAsterisk.call(server.port(), id);
        peers.add(peer);
        return peer;
    }

    static short[] tone(int samples, double frequencyHz) {
        short[] tone = new short[samples];
        for (int i = 0; i < samples; i++) {
            tone[i] = (short) Math.round(12000 * Math.sin(2 * Math.PI * frequencyHz * i / 8000.0));
        }
        return tone;
    }

    private static short[] concat(List<short[]> frames) {
        short[] all = new short[frames.size() * CallLine.FRAME_SAMPLES];
        for (int i = 0; i < frames.size(); i++) {
            System.arraycopy(frames.get(i), 0, all, i * CallLine.FRAME_SAMPLES, CallLine.FRAME_SAMPLES);
        }
        return all;
    }

    private static int firstNonSilentFrame(List<short[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            for (short sample : frames.get(i)) {
                if (sample != 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    @Test
    void aCallComesUpWithAsterisksUuidAndThePeerAddress() throws IOException {
        UUID id = UUID.randomUUID();
        call(id);

        await().atMost(WAIT).until(() -> calls.calls.size() == 1);
        CallLine line = calls.only().line;
        assertThat(line.callId()).isEqualTo(id.toString());
        assertThat(line.remoteParty()).startsWith("audiosocket:127.0.0.1:");
        assertThat(line.dialledNumber()).isEmpty();
        await().atMost(WAIT).until(() -> calls.only().frames.size() >= 3);
        assertThat(calls.only().frames).allSatisfy(frame -> assertThat(frame).hasSize(CallLine.FRAME_SAMPLES));
    }

    @Test
    void theAgentsAudioReachesTheListenerSampleForSample() throws IOException {
        short[] tone = tone(160 * 25, 440);
        FakeAsterisk asterisk = call(UUID.randomUUID());
        asterisk.play(tone);

        await().atMost(WAIT).until(() -> {
            int start = firstNonSilentFrame(calls.calls.isEmpty() ? List.of() : calls.only().frames);
            return start >= 0 && calls.only().frames.size() >= start + 25;
        });
        List<short[]> frames = calls.only().frames;
        int start = firstNonSilentFrame(frames);
        assertThat(concat(frames.subList(start, start + 25))).isEqualTo(tone);
    }

    @Test
    void thePipelinesAudioReachesAsteriskSampleForSampleIn320ByteFrames() throws IOException {
        FakeAsterisk asterisk = call(UUID.randomUUID());
        await().atMost(WAIT).until(() -> calls.calls.size() == 1);
        short[] tone = tone(160 * 25, 1000);
        for (int i = 0; i < 25; i++) {
            calls.only().line.sendAudio(java.util.Arrays.copyOfRange(tone, i * 160, (i + 1) * 160));
        }

        await().atMost(WAIT).until(() -> asterisk.receivedAudio().length == tone.length);
        assertThat(asterisk.receivedAudio()).isEqualTo(tone);
        assertThat(asterisk.receivedFrames()).allSatisfy(frame -> {
            assertThat(frame.kind()).isEqualTo(AudioSocketFrame.Kind.AUDIO);
            assertThat(frame.payloadLength()).isEqualTo(320);
        });
        assertThat(asterisk.readFailure()).isNull();
    }

    @Test
    void audioInOtherFrameSizesIsReCutInto20MsFrames() throws IOException {
        FakeAsterisk asterisk = FakeAsterisk.connect(server.port());
        peers.add(asterisk);
        asterisk.send(AudioSocketFrame.uuid(UUID.randomUUID()));
        short[] ramp = new short[480];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (short) (i + 1);
        }
        asterisk.send(AudioSocketFrame.audio(java.util.Arrays.copyOfRange(ramp, 0, 240))); // 30 ms
        asterisk.send(AudioSocketFrame.audio(java.util.Arrays.copyOfRange(ramp, 240, 320))); // 10 ms
        asterisk.send(AudioSocketFrame.audio(java.util.Arrays.copyOfRange(ramp, 320, 480))); // 20 ms

        await().atMost(WAIT).until(() -> !calls.calls.isEmpty() && calls.only().frames.size() == 3);
        assertThat(calls.only().frames).allSatisfy(frame -> assertThat(frame).hasSize(160));
        assertThat(concat(calls.only().frames)).isEqualTo(ramp);
    }

    @Test
    void eachDtmfFrameIsOneKeyPress() throws IOException {
        FakeAsterisk asterisk = call(UUID.randomUUID());
        await().atMost(WAIT).until(() -> calls.calls.size() == 1);
        for (char digit : "12#*9".toCharArray()) {
            asterisk.sendDtmf(digit);
        }
        asterisk.sendDtmf('9');

        await().atMost(WAIT).until(() -> calls.only().digits.size() == 6);
        assertThat(calls.only().digits).containsExactly('1', '2', '#', '*', '9', '9');
    }

    @Test
    void theAgentHangingUpIsReportedOnce() throws IOException {
        FakeAsterisk asterisk = call(UUID.randomUUID());
        await().atMost(WAIT).until(() -> calls.calls.size() == 1);
        asterisk.sendHangUp();
        asterisk.close(); // Asterisk also closes the socket after the hang-up

        await().atMost(WAIT).until(() -> !calls.only().hangUps.isEmpty());
        await().atMost(WAIT).until(() -> server.activeConnections() == 0);
        assertThat(calls.only().hangUps).containsExactly("agent hung up");
    }

    @Test
    void aClosedSocketIsAHangUpToo() throws IOException {
        FakeAsterisk asterisk = call(UUID.randomUUID());
        await().atMost(WAIT).until(() -> calls.calls.size() == 1);
        asterisk.close();

        await().atMost(WAIT).until(() -> server.activeConnections() == 0);
        assertThat(calls.only().hangUps).containsExactly("agent hung up");
    }

    @Test
    void ourHangUpSendsTheHangUpFrameAndClosesTheSocket() throws IOException {
        FakeAsterisk asterisk = call(UUID.randomUUID());
        await().atMost(WAIT).until(() -> calls.calls.size() == 1);
        CallLine line = calls.only().line;
        line.sendAudio(new short[160]);
        line.hangUp();
        line.hangUp();
        line.sendAudio(new short[160]); // after the end: ignored, not sent

        await().atMost(WAIT).until(asterisk::closedByServer);
        List<AudioSocketFrame> frames = asterisk.receivedFrames();
        assertThat(frames).last().isEqualTo(AudioSocketFrame.hangUp());
        assertThat(frames).filteredOn(frame -> frame.kind() == AudioSocketFrame.Kind.HANG_UP).hasSize(1);
        assertThat(calls.only().hangUps).containsExactly("simulator hung up");
    }

    @Test
    void anErrorFrameFromAsteriskEndsTheCallWithItsCode() throws IOException {
        FakeAsterisk asterisk = call(UUID.randomUUID());
        await().atMost(WAIT).until(() -> calls.calls.size() == 1);
        asterisk.send(AudioSocketFrame.error(2));

        await().atMost(WAIT).until(asterisk::closedByServer);
        assertThat(calls.only().hangUps).containsExactly("asterisk reported error 2");
    }

    @Test
    void framesWrittenByteByByteDecodeTheSame() throws Exception {
        FakeAsterisk asterisk = FakeAsterisk.connect(server.port());
        peers.add(asterisk);
        UUID id = UUID.randomUUID();
        short[] tone = tone(320, 700);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(AudioSocketCodec.encode(AudioSocketFrame.uuid(id)));
        wire.writeBytes(AudioSocketCodec.encode(AudioSocketFrame.audio(java.util.Arrays.copyOfRange(tone, 0, 160))));
        wire.writeBytes(AudioSocketCodec.encode(AudioSocketFrame.dtmf('7')));
        wire.writeBytes(AudioSocketCodec.encode(AudioSocketFrame.audio(java.util.Arrays.copyOfRange(tone, 160, 320))));
        asterisk.sendByteByByte(wire.toByteArray(), Duration.ofMillis(1));

        await().atMost(WAIT).until(() -> calls.calls.size() == 1 && calls.only().frames.size() == 2);
        assertThat(calls.only().line.callId()).isEqualTo(id.toString());
        assertThat(concat(calls.only().frames)).isEqualTo(tone);
        assertThat(calls.only().digits).containsExactly('7');
    }

    @Test
    void anAsteriskThatGoesQuietIsHungUpForMediaTimeout() throws IOException {
        server.close();
        server = AudioSocketServer.start(new InetSocketAddress("127.0.0.1", 0), calls, Duration.ofMillis(300));
        FakeAsterisk asterisk = call(UUID.randomUUID());
        await().atMost(WAIT).until(() -> calls.calls.size() == 1 && calls.only().frames.size() >= 2);
        asterisk.stopAudio();

        await().atMost(WAIT).until(asterisk::closedByServer);
        assertThat(calls.only().hangUps).containsExactly("media timeout");
        assertThat(asterisk.receivedFrames()).last().isEqualTo(AudioSocketFrame.hangUp());
    }

    @Test
    void aHandlerThatHangsUpAtOnceStillHearsTheHangUpOnce() throws IOException {
        server.close();
        server = AudioSocketServer.start(new InetSocketAddress("127.0.0.1", 0), line -> {
            line.hangUp(); // e.g. no scenario for this call
            return calls.callStarted(line);
        }, Duration.ofSeconds(3));
        FakeAsterisk asterisk = call(UUID.randomUUID());

        await().atMost(WAIT).until(asterisk::closedByServer);
        assertThat(asterisk.receivedFrames()).containsExactly(AudioSocketFrame.hangUp());
        await().atMost(WAIT).until(() -> server.activeConnections() == 0);
        assertThat(calls.only().hangUps).containsExactly("simulator hung up");
    }

    @Test
    void aFailingHandlerHangsUpOnAsterisk() throws IOException {
        server.close();
        server = AudioSocketServer.start(new InetSocketAddress("127.0.0.1", 0), line -> {
            throw new IllegalStateException("no pipeline free");
        }, Duration.ofSeconds(3));
        FakeAsterisk asterisk = call(UUID.randomUUID());

        await().atMost(WAIT).until(asterisk::closedByServer);
        assertThat(asterisk.receivedFrames()).containsExactly(AudioSocketFrame.hangUp());
    }

    @Test
    void closingTheServerHangsUpItsCalls() throws IOException {
        FakeAsterisk asterisk = call(UUID.randomUUID());
        await().atMost(WAIT).until(() -> calls.calls.size() == 1);
        server.close();

        await().atMost(WAIT).until(asterisk::closedByServer);
        assertThat(asterisk.receivedFrames()).last().isEqualTo(AudioSocketFrame.hangUp());
        assertThat(calls.only().hangUps).containsExactly("simulator shut down");
    }
}
