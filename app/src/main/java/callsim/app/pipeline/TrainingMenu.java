package callsim.app.pipeline;

import callsim.core.Difficulty;
import callsim.core.Scenario;
import callsim.telephony.CallLine;
import callsim.telephony.LineListener;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * The training extension's spoken menu, for a call booked without a scenario: a neutral voice lists
 * the callers (keys 1-9) and then the levels (1 easy, 2 normal, 3 hard); a key cuts the prompt short.
 * Once both are chosen the call is handed to a new drill and this menu only forwards its events.
 * Silence gets the prompt again; after {@value #MAX_PROMPTS} prompts with no key the call is ended.
 * {@code abandoned} runs when the call ends before a drill started.
 * Runs on the media clock thread; the line's threads only queue.
 */
public final class TrainingMenu implements LineListener, MediaClock.Ticking {
    private static final Logger LOG = System.getLogger(TrainingMenu.class.getName());
    static final int MAX_PROMPTS = 3;
    static final int WAIT_FOR_KEY_FRAMES = 400;  // 8 s after a prompt ends
    private static final short[] SILENCE = new short[CallLine.FRAME_SAMPLES];
    private static final Difficulty[] LEVEL_KEYS = {Difficulty.EASY, Difficulty.NORMAL, Difficulty.HARD};

    /** Starts the chosen drill on this call and returns its listener. */
    @FunctionalInterface
    public interface DrillStarter {
        LineListener start(DialPlan.Choice choice);
    }

    private enum Step { CALLER, LEVEL, DONE }

    private final CallLine line;
    private final List<Scenario> callers;
    private final Function<String, CompletableFuture<short[]>> voice;
    private final DrillStarter starter;
    private final Queue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final Runnable abandoned;
    private volatile LineListener drill;  // set once, on hand-off

    // media clock thread only
    private Step step = Step.CALLER;
    private Scenario chosen;
    private short[] prompt;
    private int position;
    private int promptRequest;  // ignores synthesis results of prompts that were cut short
    private int waited;
    private int prompts;
    private int ticksSinceDone;

    public TrainingMenu(CallLine line, List<Scenario> scenarios, Function<String, CompletableFuture<short[]>> voice,
                        DrillStarter starter, Runnable abandoned) {
        this.line = line;
        this.abandoned = abandoned;
        this.callers = scenarios.subList(0, Math.min(9, scenarios.size()));
        this.voice = voice;
        this.starter = starter;
        if (scenarios.size() > 9) {
            LOG.log(Level.WARNING, "the training menu offers the first 9 of " + scenarios.size()
                    + " scenarios; give the others their own extension with ?scenario=ID");
        }
    }

    // ---- LineListener: line threads ----

    @Override
    public void onAudio(short[] frame) {
        LineListener target = drill;
        if (target != null) target.onAudio(frame);
    }

    @Override
    public void onHold() {
        LineListener target = drill;
        if (target != null) target.onHold();
    }

    @Override
    public void onResume() {
        LineListener target = drill;
        if (target != null) target.onResume();
    }

    @Override
    public void onDtmf(char digit) {
        LineListener target = drill;
        if (target != null) target.onDtmf(digit);
        else inbox.add(() -> key(digit));
    }

    @Override
    public void onHangUp(String reason) {
        ended(reason, false);
    }

    @Override
    public void onLineDropped(String reason) {
        ended(reason, true);
    }

    private void ended(String reason, boolean dropped) {
        LineListener target = drill;
        if (target != null) {
            if (dropped) target.onLineDropped(reason);
            else target.onHangUp(reason);
            return;
        }
        inbox.add(() -> {
            if (step == Step.DONE) {
                if (drill != null) {
                    if (dropped) drill.onLineDropped(reason);
                    else drill.onHangUp(reason);
                }
                return;
            }
            log("ended in the menu before a drill was chosen: " + reason);
            step = Step.DONE;
            abandoned.run();
        });
    }

    // ---- media clock thread ----

    @Override
    public boolean tick() {
        if (prompts == 0 && step == Step.CALLER) say(callerPrompt());
        for (Runnable work; (work = inbox.poll()) != null; ) work.run();
        // Stay on the clock a moment after the hand-off, so an event queued just before it still arrives.
        if (step == Step.DONE) return drill != null && ++ticksSinceDone < 50;
        if (prompt == null) {
            line.sendAudio(SILENCE);
            return true;
        }
        if (position < prompt.length) {
            int end = Math.min(position + CallLine.FRAME_SAMPLES, prompt.length);
            line.sendAudio(Arrays.copyOf(Arrays.copyOfRange(prompt, position, end), CallLine.FRAME_SAMPLES));
            position = end;
            return true;
        }
        line.sendAudio(SILENCE);
        if (++waited < WAIT_FOR_KEY_FRAMES) return true;
        if (prompts >= MAX_PROMPTS) {
            log("no key pressed after " + prompts + " prompts; hanging up");
            step = Step.DONE;
            line.hangUp();
            abandoned.run();
            return false;
        }
        say(step == Step.CALLER ? callerPrompt() : levelPrompt());
        return true;
    }

    private void key(char digit) {
        if (step == Step.DONE) return;
        prompts = 0;  // a key press shows someone is there: the silence count starts again
        int n = Character.isDigit(digit) ? digit - '0' : -1;
        if (step == Step.CALLER) {
            if (n >= 1 && n <= callers.size()) {
                chosen = callers.get(n - 1);
                step = Step.LEVEL;
                say(levelPrompt());
            } else {
                say((n == 0 || digit == '*' ? "" : "There is no caller on that key. ") + callerPrompt());
            }
        } else if (n >= 1 && n <= LEVEL_KEYS.length) {
            step = Step.DONE;
            prompt = null;
            DialPlan.Choice choice = new DialPlan.Choice(chosen, LEVEL_KEYS[n - 1]);
            log("agent chose " + chosen.id() + ", " + choice.difficulty().jsonName());
            drill = starter.start(choice);
        } else {
            say((n == 0 || digit == '*' ? "" : "There is no level on that key. ") + levelPrompt());
        }
    }

    private void say(String text) {
        int request = ++promptRequest;
        prompt = null;
        position = 0;
        waited = 0;
        prompts++;
        voice.apply(text).whenComplete((samples, error) -> inbox.add(() -> {
            if (request != promptRequest || step == Step.DONE) return;
            if (error != null) LOG.log(Level.WARNING, "call " + line.callId() + ": could not synthesise the menu", error);
            prompt = error == null ? samples : new short[0];
        }));
    }

    private String callerPrompt() {
        StringBuilder text = new StringBuilder("Callsim training. Choose your caller.");
        for (int i = 0; i < callers.size(); i++) {
            text.append(" Press ").append(i + 1).append(" for ").append(callers.get(i).title()).append('.');
        }
        return text.append(" Press 0 to hear this again.").toString();
    }

    private String levelPrompt() {
        return chosen.title() + ". Press 1 for easy, 2 for normal, or 3 for hard.";
    }

    private void log(String what) {
        LOG.log(Level.INFO, "call " + line.callId() + " from " + line.remoteParty() + ": " + what);
    }
}
