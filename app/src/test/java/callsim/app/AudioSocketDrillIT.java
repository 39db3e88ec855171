package callsim.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import callsim.speech.VoiceStyle;
import callsim.telephony.audiosocket.AudioSocketCodec;
import callsim.telephony.audiosocket.AudioSocketDecoder;
import callsim.telephony.audiosocket.AudioSocketFrame;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A drill behind Asterisk: the call's audio arrives over AudioSocket, framed as Asterisk frames it. */
@ExtendWith(SharedCallsim.class)
class AudioSocketDrillIT {

    @Test
    void aCallOverAudioSocketRunsTheSameDrill(CallsimServer server) throws Exception {
        short[] agentLine = server.speech().voice().speak8k(
                "I am sorry you were charged twice. I understand how you feel.", new VoiceStyle(155, 125, 12, 1.0f));
        CompletableFuture<String> started = new CompletableFuture<>();
        CompletableFuture<String> finished = new CompletableFuture<>();
        server.drills().onDrillStarted(started::complete);
        server.drills().onDrillFinished(finished::complete);
        UUID uuid = UUID.randomUUID();
        AtomicInteger loudFramesHeard = new AtomicInteger();
        AtomicReference<short[]> toSay = new AtomicReference<>();

        try (Socket asterisk = new Socket(InetAddress.getLoopbackAddress(), server.audioSocketPort())) {
            OutputStream out = asterisk.getOutputStream();
            out.write(AudioSocketCodec.encode(AudioSocketFrame.uuid(uuid)));
            Thread reader = new Thread(() -> read(asterisk, loudFramesHeard), "fake-asterisk-reader");
            reader.setDaemon(true);
            reader.start();
            Thread sender = new Thread(() -> sendEvery20Ms(out, toSay), "fake-asterisk-sender");
            sender.setDaemon(true);
            sender.start();

            String id = started.get(10, TimeUnit.SECONDS);
            DrillEventLog events = new DrillEventLog(server, id);
            await().atMost(Duration.ofSeconds(40)).until(() -> events.callerDone(0) && events.count("CallerSpeechEnded") >= 1);
            toSay.set(agentLine);
            await().atMost(Duration.ofSeconds(40)).until(() -> events.callerDone(1));
            out.write(AudioSocketCodec.encode(AudioSocketFrame.hangUp()));
            assertThat(finished.get(20, TimeUnit.SECONDS)).isEqualTo(id);
            sender.interrupt();
        }

        JsonNode report = await().atMost(Duration.ofSeconds(10)).until(() -> server.store().report(finishedId(finished)),
                r -> r.isPresent() && r.get().path("complete").asBoolean()).orElseThrow();
        assertThat(report.path("line").asText()).isEqualTo("audiosocket");
        assertThat(report.path("agent").asText()).startsWith("audiosocket:");
        assertThat(loudFramesHeard.get()).as("frames of caller speech sent back to Asterisk").isGreaterThan(250);
        JsonNode agentTurn = null;
        for (JsonNode line : report.path("transcript")) if (line.path("speaker").asText().equals("agent")) agentTurn = line;
        assertThat(agentTurn).as("the agent's turn in %s", report.path("transcript")).isNotNull();
        assertThat(agentTurn.path("text").asText()).containsAnyOf("sorry", "charged", "understand", "feel");
        assertThat(report.path("outcome").asText()).isEqualTo("agent_ended");
    }

    private static String finishedId(CompletableFuture<String> finished) {
        return finished.join();
    }

    /** Like Asterisk: a 320-byte signed-linear frame every 20 ms, silence when the agent says nothing. */
    private static void sendEvery20Ms(OutputStream out, AtomicReference<short[]> toSay) {
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
                out.write(AudioSocketCodec.encode(AudioSocketFrame.audio(frame)));
                next += 20_000_000L;
                long wait = next - System.nanoTime();
                if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        } catch (Exception e) {
            // the call ended: the socket is closed
        }
    }

    private static void read(Socket socket, AtomicInteger loudFrames) {
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
}
