package callsim.app.chat;

import callsim.core.Difficulty;
import callsim.core.Outcome;
import callsim.core.Scenario;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Plays a text drill from a terminal or a script, printing the caller's lines as "CALLER (anger 72): ...". */
public final class ChatConsole {
    private final TextDrill drill;
    private final PrintWriter out;

    /** {@code out} receives the conversation; it is flushed after every move so a terminal sees it at once. */
    public ChatConsole(TextDrill drill, PrintWriter out) {
        this.drill = drill;
        this.out = out;
    }

    /** The line an interactive drill opens with: what is playing and every move the agent can make. */
    public static String introduction(Scenario scenario, Difficulty difficulty, long seed) {
        return "Scenario " + scenario.id() + " (" + difficulty.jsonName() + ", seed " + seed + "): " + scenario.title()
                + ". Type the agent's replies, or one of " + DrillScript.COMMANDS + ".";
    }

    /**
     * Reads agent moves line by line until the call ends; at the end of input the agent hangs up. A bad
     * line is explained and skipped. {@code prompt} is shown before each line when not empty.
     */
    public void interactive(BufferedReader in, String prompt) throws IOException {
        show(drill.connect());
        while (!drill.finished()) {
            if (!prompt.isEmpty()) {
                out.print(prompt);
                out.flush();
            }
            String line = in.readLine();
            if (line == null) {
                show(drill.play(new AgentMove.HangUp()));
                break;
            }
            Optional<AgentMove> move;
            try {
                move = DrillScript.parseLine(line);
            } catch (IllegalArgumentException e) {
                out.println("? " + e.getMessage());
                continue;
            }
            if (move.isPresent()) show(drill.play(move.get()));
        }
        out.println("(call ended: " + drill.record().outcomeReason() + ")");
        out.flush();
    }

    /**
     * Plays a parsed script; when it runs out before the call ends, the agent hangs up. Returns the
     * lines left unplayed because the call had already ended.
     */
    public List<DrillScript.Line> script(List<DrillScript.Line> lines) {
        show(drill.connect());
        List<DrillScript.Line> unplayed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            DrillScript.Line line = lines.get(i);
            // Once the caller has hung up (or is saying goodbye to), later moves have no one to hear them.
            if (drill.outcome() != Outcome.IN_PROGRESS) {
                unplayed.add(line);
                continue;
            }
            // The agent going on next does not wait for the caller's reply to this move.
            boolean agentGoesOn = i + 1 < lines.size() && lines.get(i + 1).move() instanceof AgentMove.GoOn;
            show(drill.play(line.move(), !agentGoesOn));
        }
        if (!drill.finished()) show(drill.play(new AgentMove.HangUp()));
        return unplayed;
    }

    private void show(List<CallerLine> lines) {
        for (CallerLine line : lines) out.println("CALLER (anger " + line.anger() + "): " + line.text());
        out.flush();
    }
}
