package callsim.testkit.asterisk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Speaks AMI over a plain socket, byte for byte, with a read timeout so no test can hang. */
final class RawAmiClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawAmiClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    void setReadTimeout(java.time.Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
    }

    /** True if nothing at all arrives within the read timeout. */
    boolean staysQuiet() throws IOException {
        try {
            return in.read() == -2; // never: read() returns a byte or -1
        } catch (SocketTimeoutException e) {
            return true;
        }
    }

    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** One line including its line ending, or null at end of stream. */
    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') return line.toString(StandardCharsets.UTF_8);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    /** Lines up to and including the blank line, exactly as received; null at end of stream. */
    String readPacket() throws IOException {
        StringBuilder packet = new StringBuilder();
        String line;
        while ((line = readLine()) != null) {
            packet.append(line);
            if (line.equals("\r\n")) return packet.toString();
        }
        return packet.length() == 0 ? null : packet.toString();
    }

    /** True if the server closed the connection (end of stream) within the read timeout. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    /** Reads the banner and logs in with a plain secret; returns the login response packet. */
    String login(String user, String secret) throws IOException {
        readLine();
        send("Action: Login\r\nActionID: login-1\r\nUsername: " + user + "\r\nSecret: " + secret + "\r\n\r\n");
        return readPacket();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
