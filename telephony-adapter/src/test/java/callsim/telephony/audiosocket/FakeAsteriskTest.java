package callsim.telephony.audiosocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The test kit speaks like Asterisk: UUID first, then 320-byte slin frames, played audio then silence. */
class FakeAsteriskTest {

    private static List<AudioSocketFrame> readFrames(Socket socket, int count) throws IOException {
        AudioSocketDecoder decoder = new AudioSocketDecoder();
        List<AudioSocketFrame> frames = new ArrayList<>();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[1024];
        while (frames.size() < count) {
            int read = in.read(buffer);
            if (read < 0) {
                break;
            }
            frames.addAll(decoder.feed(buffer, 0, read));
        }
        return frames;
    }

    @Test
    void sendsTheUuidThenPlayedAudioThenSilenceAndRecordsWhatComesBack() throws Exception {
        UUID id = UUID.randomUUID();
        short[] tone = AudioSocketCallTest.tone(400, 600); // two and a half frames
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(5000);
            try (FakeAsterisk asterisk = FakeAsterisk.connect(listener.getLocalPort());
                    Socket server = listener.accept()) {
                server.setSoTimeout(5000);
                asterisk.play(tone);
                asterisk.send(AudioSocketFrame.uuid(id));
                asterisk.startAudio();
                List<AudioSocketFrame> frames = readFrames(server, 5);

                assertThat(frames.get(0).uuid()).isEqualTo(id);
                assertThat(frames.subList(1, 5)).allSatisfy(frame -> assertThat(frame.payloadLength()).isEqualTo(320));
                short[] expectedThird = new short[160];
                System.arraycopy(tone, 320, expectedThird, 0, 80);
                assertThat(frames.get(1).samples()).isEqualTo(java.util.Arrays.copyOfRange(tone, 0, 160));
                assertThat(frames.get(3).samples()).isEqualTo(expectedThird);
                assertThat(frames.get(4).samples()).isEqualTo(new short[160]);

                server.getOutputStream().write(AudioSocketCodec.encode(AudioSocketFrame.hangUp()));
                server.close();
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(asterisk::closedByServer);
                assertThat(asterisk.receivedFrames()).containsExactly(AudioSocketFrame.hangUp());
                assertThat(asterisk.received().get(0).arrivedNanos()).isPositive();
            }
        }
    }
}
