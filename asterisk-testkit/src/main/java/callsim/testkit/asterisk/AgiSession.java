package callsim.testkit.asterisk;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Asterisk's side of one FastAGI connection after the environment was sent: res_agi's {@code run_agi}
 * loop. Reads each command line, records it, and answers it the way {@code agi_handle_command} and the
 * command handlers do. All state is guarded by {@code this}; replies are written under the same lock,
 * so a caller hang-up and a command never interleave their bytes.
 */
final class AgiSession {
    static final String DEAD_CHANNEL = "511 Command Not Permitted on a dead channel or intercept routine\n";
    static final String UNKNOWN_COMMAND = "510 Invalid or unknown command\n";

    /** How the test scripted this Asterisk: reply overrides by command name, EXEC applications to hold, AGISIGHUP. */
    record Script(Map<String, String> replies, Set<String> heldApplications, boolean sigHup) {}

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Script script;
    private final FakeChannel channel;
    private final Thread reader;

    private final List<AgiCommand> commands = new ArrayList<>();
    private boolean callerHungUp;
    private String heldApplication;
    private Integer execResult;
    private boolean closed;
    private boolean serverClosed;

    AgiSession(Socket socket, Script script, String channelName) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.script = script;
        this.channel = new FakeChannel(channelName);
        this.reader = new Thread(this::readLoop, "fake-fastagi-" + channelName);
        reader.setDaemon(true);
    }

    void start() {
        reader.start();
    }

    private void readLoop() {
        try {
            String line;
            while ((line = readLine()) != null) {
                AgiCommand command = AgiCommand.parse(line);
                synchronized (this) {
                    commands.add(command);
                    notifyAll();
                    handle(command);
                }
            }
        } catch (IOException e) {
            // reset by the server, or closed by close(): either way the script is over
        } finally {
            synchronized (this) {
                serverClosed = !closed;
                notifyAll();
            }
            closeSocket();
        }
    }

    /** fgets-style: up to and without the {@code \n}; a {@code \r} is kept, as Asterisk keeps it. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private void handle(AgiCommand command) {
        AgiCommandTable.Entry entry = AgiCommandTable.find(command.words()).orElse(null);
        if (entry == null) {
            send(UNKNOWN_COMMAND);
            return;
        }
        if (channel.dead() && !entry.allowedWhenDead()) {
            send(DEAD_CHANNEL);
            return;
        }
        String override = script.replies().get(entry.name());
        List<String> args = command.arguments();
        if (entry.name().equals("EXEC") && !args.isEmpty() && !channel.dead()
                && script.heldApplications().contains(args.get(0).toUpperCase(Locale.ROOT))) {
            hold(args.get(0), override);
        } else if (override != null) {
            send(override);
        } else {
            boolean wasDead = channel.dead();
            send(channel.execute(entry, command.words()));
            if (!wasDead && channel.dead()) {
                channelHungUp();
            }
        }
    }

    /** The application runs until the test releases it or the caller hangs up (then it returns -1). */
    private void hold(String application, String override) {
        heldApplication = application;
        notifyAll();
        while (execResult == null && !callerHungUp && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        heldApplication = null;
        if (closed) {
            return;
        }
        if (execResult != null) {
            send(override != null ? override : "200 result=" + execResult + "\n");
            execResult = null;
        } else {
            send("200 result=-1\n");
            channelHungUp();
        }
    }

    /** run_agi on noticing the hang-up: dead from now on, and (AGISIGHUP) a {@code HANGUP} line. */
    private void channelHungUp() {
        channel.hangUp();
        notifyAll();
        if (script.sigHup()) {
            send("HANGUP\n");
        }
    }

    private void send(String text) {
        try {
            out.write((text.endsWith("\n") ? text : text + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            // the server is gone; the reader sees the end of the stream
        }
    }

    synchronized void hangUp() {
        if (callerHungUp || closed || serverClosed) {
            return;
        }
        callerHungUp = true;
        if (heldApplication != null) {
            notifyAll(); // the held application returns -1 on the reader thread
        } else if (!channel.dead()) {
            channelHungUp();
        }
    }

    synchronized void releaseExec(int result) {
        if (heldApplication == null) {
            throw new IllegalStateException("no EXEC is being held; commands so far: " + commands);
        }
        execResult = result;
        notifyAll();
    }

    synchronized List<AgiCommand> commands() {
        return List.copyOf(commands);
    }

    synchronized Map<String, String> variables() {
        return channel.variables();
    }

    synchronized String heldApplication() {
        return heldApplication;
    }

    synchronized boolean dead() {
        return channel.dead();
    }

    synchronized boolean serverClosed() {
        return serverClosed;
    }

    /** Waits (bounded) for a condition on this session's state; false if it did not come true in time. */
    synchronized boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        closeSocket();
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
