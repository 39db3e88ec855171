package callsim.telephony;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;

/** Opens per-call RTP sockets on even ports of a range, walking round it so ports are reused late. */
final class RtpPortAllocator {
    private final InetAddress bindAddress;
    private final PortRange range;
    private final AtomicInteger nextIndex = new AtomicInteger();

    RtpPortAllocator(InetAddress bindAddress, PortRange range) {
        this.bindAddress = bindAddress;
        this.range = range;
    }

    DatagramSocket open() throws IOException {
        if (range.isEphemeral()) {
            return new DatagramSocket(new InetSocketAddress(bindAddress, 0));
        }
        int count = range.evenPortCount();
        int firstEven = range.first() % 2 == 0 ? range.first() : range.first() + 1;
        for (int attempt = 0; attempt < count; attempt++) {
            int port = firstEven + 2 * Math.floorMod(nextIndex.getAndIncrement(), count);
            try {
                return new DatagramSocket(new InetSocketAddress(bindAddress, port));
            } catch (SocketException inUse) {
                // taken by another call or process: try the next one
            }
        }
        throw new IOException("no free even RTP port in " + range.first() + "-" + range.last() + " on " + bindAddress.getHostAddress());
    }
}
