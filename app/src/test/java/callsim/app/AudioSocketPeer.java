package callsim.app;

import callsim.telephony.audiosocket.AudioSocketCodec;
import callsim.telephony.audiosocket.AudioSocketDecoder;
import callsim.telephony.audiosocket.AudioSocketFrame;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The media side of an Asterisk channel running {@code AudioSocket(uuid,host:port)}: sends the UUID
 * frame, then a 320-byte signed-linear frame every 20 ms (silence unless told to {@link #say}), and
 * counts the loud frames callsim sends back.
 */
final class AudioSocketPeer implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final AtomicReference<short[]> toSay = new AtomicReference<>();
    private final AtomicInteger loudFrames = new AtomicInteger();
    private final Thread sender;
    private final Thread reader;

    private AudioSocketPeer(int port, UUID uuid) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        out = socket.getOutputStream();
        send(AudioSocketFrame.uuid(uuid));
        reader = new Thread(this::read, "audiosocket-peer-read");
        reader.setDaemon(true);
        reader.start();
        sender = new Thread(this::sendEvery20Ms, "audiosocket-peer-send");
        sender.setDaemon(true);
        sender.start();
    }

    static AudioSocketPeer call(int port, UUID uuid) throws IOException {
        return new AudioSocketPeer(port, uuid);
    }

    /** Plays these samples as the agent's voice, after whatever is playing now. */
    void say(short[] samples) {
        toSay.set(samples);
    }

    /** A DTMF frame (type 0x03), as Asterisk 20.13+ forwards a key press. */
    void dtmf(char digit) throws IOException {
        send(AudioSocketFrame.dtmf(digit));
    }

    /** The hang-up frame Asterisk sends when the channel leaves AudioSocket. */
    void hangUp() throws IOException {
        send(AudioSocketFrame.hangUp());
    }

    int loudFramesHeard() {
        return loudFrames.get();
    }

    private synchronized void send(AudioSocketFrame frame) throws IOException {
        out.write(AudioSocketCodec.encode(frame));
    }

    private void sendEvery20Ms() {
        long next = System.nanoTime();
        short[] speaking = null;
        int position = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                if (speaking == null && toSay.get() != null) {
                    speaking = toSay.getAndSet(null);
                    position = 0;
                }
                short[] frame = new short[160];
                if (speaking != null) {
                    int end = Math.min(position + 160, speaking.length);
                    System.arraycopy(speaking, position, frame, 0, end - position);
                    position = end;
                    if (position >= speaking.length) speaking = null;
                }
                send(AudioSocketFrame.audio(frame));
                next += 20_000_000L;
                long wait = next - System.nanoTime();
                if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        } catch (IOException | InterruptedException e) {
            // the call ended: the socket is closed
        }
    }

    private void read() {
        AudioSocketDecoder decoder = new AudioSocketDecoder();
        byte[] buffer = new byte[4096];
        try (InputStream in = socket.getInputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (AudioSocketFrame frame : decoder.feed(Arrays.copyOf(buffer, n))) {
                    if (frame.kind() != AudioSocketFrame.Kind.AUDIO) continue;
                    long energy = 0;
                    short[] samples = frame.samples();
                    for (short s : samples) energy += (long) s * s;
                    if (Math.sqrt(energy / (double) samples.length) > 500) loudFrames.incrementAndGet();
                }
            }
        } catch (Exception e) {
            // closed at the end of the call
        }
    }

    @Override
    public void close() throws IOException {
        sender.interrupt();
        socket.close();
    }
}
