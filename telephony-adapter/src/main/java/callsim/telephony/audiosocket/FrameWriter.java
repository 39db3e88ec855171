package callsim.telephony.audiosocket;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Writes one connection's outgoing frames on its own thread, so the 20 ms media tick only queues.
 * When the peer stops reading, the bounded queue fills and frames are dropped (counted, logged)
 * instead of blocking the pipeline.
 */
final class FrameWriter {
    private static final System.Logger LOG = System.getLogger(FrameWriter.class.getName());
    /** One second of audio: enough to ride out scheduling hiccups, short enough to notice a stuck peer. */
    static final int QUEUE_FRAMES = 50;
    private static final long CLOSE_GRACE_MILLIS = 2000;
    private static final byte[] CLOSE = new byte[0];

    private final Socket socket;
    private final String name;
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE_FRAMES + 2);
    private final Thread thread;
    private volatile boolean finishing;
    private volatile boolean broken;
    private long dropped; // guarded by this

    FrameWriter(Socket socket, String name) {
        this.socket = socket;
        this.name = name;
        this.thread = new Thread(this::run, "audiosocket-write-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a frame; drops it (and says so) when the peer is not keeping up. */
    void send(AudioSocketFrame frame) {
        if (finishing || broken) {
            return;
        }
        if (queue.size() >= QUEUE_FRAMES || !queue.offer(AudioSocketCodec.encode(frame))) {
            long count;
            synchronized (this) {
                count = ++dropped;
            }
            if (count == 1 || count % QUEUE_FRAMES == 0) {
                LOG.log(Level.WARNING, "AudioSocket {0}: peer is not reading, dropped {1} outgoing frame(s) so far", name, count);
            }
        }
    }

    boolean isFinishing() {
        return finishing;
    }

    synchronized long droppedFrames() {
        return dropped;
    }

    /**
     * Discards queued audio, optionally sends a hang-up frame, then closes the socket. A peer that
     * stopped reading cannot hold the socket open: it is closed after a short grace anyway.
     */
    void finish(boolean sendHangUp) {
        if (finishing) {
            return;
        }
        finishing = true;
        queue.clear();
        if (sendHangUp && !broken) {
            queue.offer(AudioSocketCodec.encode(AudioSocketFrame.hangUp()));
        }
        queue.offer(CLOSE);
        CompletableFuture.delayedExecutor(CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS).execute(this::closeSocket);
    }

    private void run() {
        try {
            OutputStream out = socket.getOutputStream();
            while (true) {
                byte[] wire = queue.take();
                if (wire == CLOSE) {
                    break;
                }
                if (!broken) {
                    write(out, wire);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "AudioSocket {0}: no output stream: {1}", name, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeSocket();
        }
    }

    private void write(OutputStream out, byte[] wire) {
        try {
            out.write(wire); // one write per frame: header and payload leave together
        } catch (IOException e) {
            broken = true; // the reader sees the same failure and ends the call
            if (!finishing) {
                LOG.log(Level.INFO, "AudioSocket {0}: write failed: {1}", name, e.getMessage());
            }
        }
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "AudioSocket {0}: close failed: {1}", name, e.getMessage());
        }
    }

    void join(long millis) throws InterruptedException {
        thread.join(millis);
    }
}
