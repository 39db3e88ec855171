package callsim.telephony.audiosocket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A scripted Asterisk on the far end of an AudioSocket, in the spirit of OkHttp's MockWebServer:
 * {@link #call} connects like {@code AudioSocket(uuid,host:port)} does (UUID frame, then one
 * 320-byte audio frame every 20 ms: whatever was {@link #play played}, silence after) and records
 * every frame the server sends back. {@link #connect} gives a bare connection for sending raw bytes.
 */
final class FakeAsterisk implements AutoCloseable {
    /** A frame the server sent, with when it arrived (System.nanoTime). */
    record Received(AudioSocketFrame frame, long arrivedNanos) {}

    private static final short[] SILENCE = new short[160];

    private final Socket socket;
    private final OutputStream out;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<short[]> script = new ArrayDeque<>(); // guarded by itself
    private final Thread reader;
    private ScheduledExecutorService pacer;
    private volatile boolean closedByServer;
    private volatile String readFailure;
    private final java.util.concurrent.CountDownLatch readingAllowed = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean readingPaused;

    private FakeAsterisk(int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setReceiveBufferSize(8192); // small, so a peer that stops reading is noticed soon
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        out = socket.getOutputStream();
        reader = new Thread(this::readLoop, "fake-asterisk-read");
        reader.setDaemon(true);
        reader.start();
    }

    /** A bare TCP connection: nothing is sent until the test says so. */
    static FakeAsterisk connect(int port) throws IOException {
        return new FakeAsterisk(port);
    }

    /** Connects, sends the call UUID and starts streaming audio every 20 ms (silence until {@link #play}). */
    static FakeAsterisk call(int port, UUID id) throws IOException {
        FakeAsterisk asterisk = new FakeAsterisk(port);
        asterisk.send(AudioSocketFrame.uuid(id));
        asterisk.startAudio();
        return asterisk;
    }

    /** Starts the 20 ms audio clock, as Asterisk does once the channel is bridged to the socket. */
    synchronized void startAudio() {
        if (pacer == null) {
            pacer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "fake-asterisk-audio");
                thread.setDaemon(true);
                return thread;
            });
            pacer.scheduleAtFixedRate(this::sendNextAudioFrame, 0, 20, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops sending audio (an Asterisk whose channel went quiet), for idle-timeout tests. */
    synchronized void stopAudio() {
        if (pacer != null) {
            pacer.shutdownNow();
            pacer = null;
        }
    }

    /** Queues samples for the audio clock: whole 160-sample frames, the last one padded with silence. */
    void play(short[] samples) {
        synchronized (script) {
            for (int start = 0; start < samples.length; start += 160) {
                script.add(Arrays.copyOfRange(samples, start, start + 160));
            }
        }
    }

    void sendDtmf(char digit) throws IOException {
        send(AudioSocketFrame.dtmf(digit));
    }

    void sendHangUp() throws IOException {
        send(AudioSocketFrame.hangUp());
    }

    void send(AudioSocketFrame frame) throws IOException {
        sendRaw(AudioSocketCodec.encode(frame));
    }

    /** Writes bytes as they are, in one write: frames, halves of frames, garbage. */
    void sendRaw(byte[] bytes) throws IOException {
        synchronized (out) {
            out.write(bytes);
            out.flush();
        }
    }

    /** Writes bytes one at a time with a pause between them, so the server sees many short reads. */
    void sendByteByByte(byte[] bytes, Duration pause) throws IOException, InterruptedException {
        synchronized (out) {
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                Thread.sleep(pause.toMillis());
            }
        }
    }

    /** Stops reading what the server sends (a stuck Asterisk): its frames pile up in the TCP buffers. */
    void stopReading() {
        readingPaused = true;
    }

    /** Every frame the server sent, in arrival order. */
    List<Received> received() {
        return List.copyOf(received);
    }

    List<AudioSocketFrame> receivedFrames() {
        return received.stream().map(Received::frame).toList();
    }

    /** All audio the server sent, concatenated. */
    short[] receivedAudio() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Received frame : received) {
            if (frame.frame().kind() == AudioSocketFrame.Kind.AUDIO) {
                bytes.writeBytes(frame.frame().payload());
            }
        }
        return AudioSocketCodec.samplesFromLittleEndian(bytes.toByteArray());
    }

    /** True once the server closed the connection (end of stream or reset). */
    boolean closedByServer() {
        return closedByServer;
    }

    /** Why the server's bytes could not be decoded, or null: the server must never send such bytes. */
    String readFailure() {
        return readFailure;
    }

    @Override
    public void close() throws IOException {
        stopAudio();
        readingAllowed.countDown();
        socket.close();
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendNextAudioFrame() {
        short[] next;
        synchronized (script) {
            next = script.poll();
        }
        try {
            send(AudioSocketFrame.audio(next == null ? SILENCE : next));
        } catch (IOException e) {
            stopAudio(); // the server closed the connection
        }
    }

    private void readLoop() {
        AudioSocketDecoder decoder = new AudioSocketDecoder();
        byte[] buffer = new byte[4096];
        try {
            InputStream in = socket.getInputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (readingPaused) {
                    readingAllowed.await();
                }
                long now = System.nanoTime();
                for (AudioSocketFrame frame : decoder.feed(buffer, 0, read)) {
                    received.add(new Received(frame, now));
                }
            }
        } catch (AudioSocketProtocolException e) {
            readFailure = e.getMessage();
        } catch (IOException e) {
            // reset by the server or closed by us: either way the connection is gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closedByServer = !socket.isClosed();
    }
}
