package callsim.app.softphone;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Finds free UDP ports on 127.0.0.1 for child processes (a small race with other processes remains). */
final class LoopbackPorts {
    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 60_000;
    private static final int ATTEMPTS = 200;

    private LoopbackPorts() {}

    /** The first of {@code count} consecutive free UDP ports; the first one is even (RTP convention). */
    static int freeBlock(int count) {
        if (count < 1 || count > 1000) {
            throw new IllegalArgumentException("count must be 1..1000, was " + count);
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST - count) & ~1;
            if (allFree(first, count)) {
                return first;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free UDP ports on 127.0.0.1");
    }

    private static boolean allFree(int first, int count) {
        List<DatagramSocket> probes = new ArrayList<>();
        try {
            InetAddress loopback = InetAddress.getLoopbackAddress();
            for (int port = first; port < first + count; port++) {
                DatagramSocket probe = new DatagramSocket(null);
                probes.add(probe);
                probe.bind(new InetSocketAddress(loopback, port));
            }
            return true;
        } catch (SocketException e) {
            return false;
        } finally {
            probes.forEach(DatagramSocket::close);
        }
    }
}
