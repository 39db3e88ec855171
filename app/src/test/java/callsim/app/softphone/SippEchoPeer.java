package callsim.app.softphone;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * sipp as the far end of one call on 127.0.0.1: answers the INVITE, hold/resume re-INVITEs and
 * the BYE (scenario {@code softphone/uas-hold-echo.xml}) and echoes every RTP packet it receives.
 */
final class SippEchoPeer implements AutoCloseable {
    private static final String SCENARIO = "/softphone/uas-hold-echo.xml";
    private static final Duration OVERALL_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final int sipPort;
    private final Path messageLog;
    private final Path screenLog;

    private SippEchoPeer(Process process, int sipPort, Path messageLog, Path screenLog) {
        this.process = process;
        this.sipPort = sipPort;
        this.messageLog = messageLog;
        this.screenLog = screenLog;
    }

    static SippEchoPeer start(Path workDir) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path scenario = workDir.resolve("uas-hold-echo.xml");
        try (InputStream in = SippEchoPeer.class.getResourceAsStream(SCENARIO)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + SCENARIO);
            }
            Files.copy(in, scenario, StandardCopyOption.REPLACE_EXISTING);
        }
        int sipPort = LoopbackPorts.freeBlock(1);
        int mediaPort = LoopbackPorts.freeBlock(4); // sipp also opens mediaPort + 2 for video echo
        Path messageLog = workDir.resolve("sipp-messages.log");
        Path screenLog = workDir.resolve("sipp-screen.log");
        List<String> command = List.of("sipp", "-sf", scenario.toString(), "-i", "127.0.0.1",
                "-p", String.valueOf(sipPort), "-mp", String.valueOf(mediaPort), "-rtp_echo", "-m", "1",
                "-nostdin", "-timeout", OVERALL_TIMEOUT.toSeconds() + "s", "-timeout_error",
                "-trace_msg", "-message_file", messageLog.toString(),
                "-trace_err", "-error_file", workDir.resolve("sipp-errors.log").toString());
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(screenLog.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run sipp (install it: apt-get install sip-tester)", e);
        }
        SippEchoPeer peer = new SippEchoPeer(process, sipPort, messageLog, screenLog);
        peer.awaitListening();
        return peer;
    }

    /** sipp prints nothing when ready; its SIP port being taken is the sign. */
    private void awaitListening() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sipp exited at start: " + Files.readString(screenLog));
            }
            try (DatagramSocket probe = new DatagramSocket(null)) {
                probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), sipPort));
            } catch (SocketException taken) {
                return;
            }
            Thread.sleep(50);
        }
        close();
        throw new IllegalStateException("sipp did not open UDP port " + sipPort + " within 5 s");
    }

    String uri() {
        return "sip:service@127.0.0.1:" + sipPort;
    }

    long pid() {
        return process.pid();
    }

    /** sipp's exit code: 0 once its one call completed the scenario. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("sipp still running after " + timeout);
        }
        return process.exitValue();
    }

    /** The SIP messages sipp sent and received, as it logged them. */
    String messages() throws IOException {
        return Files.exists(messageLog) ? Files.readString(messageLog) : "";
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
