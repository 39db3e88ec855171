package callsim.testkit.asterisk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The FastAGI server's end of one connection, reduced to raw lines: a loopback ServerSocket that
 * accepts the fake's connection, so tests see exactly the bytes the fake sends. Reads give up after 5 s.
 */
final class ScriptEnd implements AutoCloseable {
    private final ServerSocket listener;
    private Socket socket;
    private InputStream in;

    ScriptEnd() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        listener.setSoTimeout(5000);
    }

    String url(String script) {
        return "agi://127.0.0.1:" + listener.getLocalPort() + (script.isEmpty() ? "" : "/" + script);
    }

    void accept() throws IOException {
        socket = listener.accept();
        socket.setSoTimeout(5000);
        in = socket.getInputStream();
    }

    /** Everything up to and including the blank line that ends the environment. */
    String readEnvironment() throws IOException {
        StringBuilder env = new StringBuilder();
        String line;
        do {
            line = readLine();
            env.append(line).append('\n');
        } while (!line.isEmpty());
        return env.toString();
    }

    /** One line without its {@code \n}; null at the end of the stream. */
    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    void send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** Sends a command line and returns the first reply line. */
    String command(String line) throws IOException {
        send(line + "\n");
        return readLine();
    }

    void closeConnection() throws IOException {
        socket.close();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
        listener.close();
    }
}
