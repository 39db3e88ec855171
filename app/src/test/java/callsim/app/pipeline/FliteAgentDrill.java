package callsim.app.pipeline;

import callsim.app.report.DrillInfo;
import callsim.app.report.FileDrillJournal;
import callsim.core.Difficulty;
import callsim.core.DrillEvent;
import callsim.core.VirtualCall;
import callsim.scenarios.ScenarioLibrary;
import callsim.speech.WavFile;
import callsim.telephony.G711;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A finished phone drill on disk, as {@link FileDrillJournal} leaves it, whose agent turns are flite's {@code rms}
 * voice over G.711 on the recording's agent channel while the live session heard other words (a garbled
 * recognition): the input of a post-call pass.
 */
final class FliteAgentDrill {
    static final ScenarioLibrary LIBRARY = ScenarioLibrary.builtIn();
    static final String SCENARIO = "double-charge";
    static final long SEED = 21;
    private static final int FRAME = 160; // 20 ms at 8 kHz

    /** One agent turn: what the agent said (spoken into the recording) and what the live recogniser heard. */
    record Line(String said, String heard) {}

    private FliteAgentDrill() {}

    static boolean available() {
        return runs(List.of("flite", "-lv")) && runs(List.of("sox", "--version"));
    }

    /** Writes the drill under {@code drillsDir/id} with its report awaiting the post-call pass. */
    static void write(Path drillsDir, String id, List<Line> lines, Path work) throws Exception {
        List<short[]> speech = new ArrayList<>();
        for (Line line : lines) speech.add(speak(line.said(), work));
        VirtualCall call = new VirtualCall(LIBRARY.get(SCENARIO), Difficulty.NORMAL, SEED).connect().waitForCaller(800);
        for (int i = 0; i < lines.size(); i++) call.agentSays(speech.get(i).length / 8L, lines.get(i).heard()).waitForCaller(700);
        call.hangUp();

        Clock clock = Clock.fixed(Instant.parse("2026-12-05T01:00:00Z"), ZoneOffset.UTC);
        FileDrillJournal journal = new FileDrillJournal(new DrillInfo(id, "201", "7000", "sip", clock.instant()),
                drillsDir.resolve(id), clock, true);
        short[] agent = new short[(int) (call.now() * 8 + FRAME)];
        List<DrillEvent.AgentTurn> turns = call.events().stream()
                .filter(e -> e instanceof DrillEvent.AgentTurn).map(e -> (DrillEvent.AgentTurn) e).toList();
        for (int i = 0; i < turns.size(); i++) {
            short[] said = speech.get(i);
            System.arraycopy(said, 0, agent, (int) turns.get(i).startMs() * 8, said.length);
        }
        for (int at = 0; at + FRAME <= agent.length; at += FRAME) {
            journal.audio(new short[FRAME], java.util.Arrays.copyOfRange(agent, at, at + FRAME));
        }
        call.events().forEach(journal::event);
        journal.close(call.record());
        if (!journal.awaitWritten(30, TimeUnit.SECONDS)) throw new IOException("the drill's journal was not written");
    }

    /**
     * flite's rms voice at 8 kHz through a G.711 µ-law round trip, as the agent's phone sends it. (The
     * accurate set-up hears rms, awb and kal16 word for word; the slt voice it still mishears.)
     */
    private static short[] speak(String text, Path work) throws IOException, InterruptedException {
        Path wide = Files.createTempFile(work, "flite-", ".wav");
        Path narrow = Files.createTempFile(work, "agent-", ".wav");
        run(List.of("flite", "-voice", "rms", "-t", text, "-o", wide.toString()));
        run(List.of("sox", wide.toString(), "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", narrow.toString()));
        return G711.decodeUlaw(G711.encodeUlaw(WavFile.read(narrow).samples()));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish");
        }
        if (process.exitValue() != 0) throw new IOException(String.join(" ", command) + " failed with " + process.exitValue());
    }

    private static boolean runs(List<String> command) {
        try {
            run(command);
            return true;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
