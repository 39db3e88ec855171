package callsim.app.demo;

import callsim.app.pipeline.MediaClock;
import callsim.speech.CallerVoice;
import callsim.speech.TurnDetector;
import callsim.speech.TurnEvent;
import callsim.speech.VoiceStyle;
import callsim.telephony.DialledCall;
import callsim.telephony.LineListener;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A built-in agent for {@code callsim demo}: it phones the simulator, waits for the caller to finish
 * each turn, and follows a script that a good agent would (empathy, a question, an announced hold,
 * a solution with options, a close). Its audio is paced by the media clock like the simulator's.
 */
public final class ScriptedAgent implements LineListener, MediaClock.Ticking {
    private static final Logger LOG = System.getLogger(ScriptedAgent.class.getName());
    private static final VoiceStyle AGENT_VOICE = new VoiceStyle(155, 125, 12, 1.0f);
    private static final short[] SILENCE = new short[160];
    private static final long QUIET_CALLER_MS = 4000;

    /** One step of the script. */
    public sealed interface Step {
        record Say(String text) implements Step {}
        /** Says {@code text} {@code afterMs} into the call without waiting for the caller: talking over them. */
        record Interrupt(long afterMs, String text) implements Step {}
        record Hold(long millis) implements Step {}
        /** Plays recorded 8 kHz audio as the agent's next turn (another language, noise on the line). */
        record Play(String label, short[] audio8k) implements Step {}
        record HangUp() implements Step {}
    }

    public static final List<Step> DEFAULT_SCRIPT = List.of(
            new Step.Say("I am so sorry you were charged twice this month. I understand how frustrating that is."),
            new Step.Say("Could you tell me the date of the second charge so I can find it?"),
            new Step.Say("Thank you. May I place you on hold for one moment while I check your account?"),
            new Step.Hold(4000),
            new Step.Say("Thank you for holding. I can refund the duplicate charge today, or credit it to your next bill. Which would you prefer?"),
            new Step.Say("Done. The refund will reach your account in three to five days. Is there anything else I can help you with?"),
            new Step.Say("Thank you for your patience, and have a good day."),
            new Step.HangUp());

    private final Map<Step, short[]> lines = new HashMap<>();
    private final ArrayDeque<Step> script;
    private final TurnDetector callerTurns = new TurnDetector(TurnDetector.Settings.defaults().withEndOfTurnSilenceMs(800));
    private final Queue<short[]> heard = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<String> ended = new CompletableFuture<>();
    private volatile DialledCall call;
    private short[] speaking;
    private int position;
    private long holdUntilFrame = -1;
    private boolean callerFinishedTurn;
    private long listeningSinceMs;
    private long frame;

    /** Synthesises every line up front, so nothing heavy runs on the media clock later. */
    public ScriptedAgent(CallerVoice voice, List<Step> script) {
        this.script = new ArrayDeque<>(script);
        for (Step step : script) {
            if (step instanceof Step.Say say) lines.put(step, voice.speak8k(say.text(), AGENT_VOICE));
            if (step instanceof Step.Interrupt over) lines.put(step, voice.speak8k(over.text(), AGENT_VOICE));
            if (step instanceof Step.Play play) lines.put(step, play.audio8k().clone());
        }
    }

    public void attach(DialledCall call) {
        this.call = call;
    }

    /** Completes with the hang-up reason when the call ends. */
    public CompletableFuture<String> ended() {
        return ended;
    }

    @Override
    public void onAudio(short[] frame) {
        heard.add(frame);
    }

    @Override public void onHold() {}
    @Override public void onResume() {}
    @Override public void onDtmf(char digit) {}

    @Override
    public void onHangUp(String reason) {
        ended.complete(reason);
    }

    @Override
    public boolean tick() {
        if (ended.isDone()) return false;
        DialledCall line = call;
        if (line == null) return true;
        for (short[] f; (f = heard.poll()) != null; ) {
            for (TurnEvent event : callerTurns.accept(f, frame * MediaClock.FRAME_MS)) {
                // Only a caller turn that began after our own line ended is a reply to it.
                if (event instanceof TurnEvent.TurnEnded ended && ended.startMs() >= listeningSinceMs) {
                    callerFinishedTurn = true;
                }
            }
        }
        long nowMs = frame * MediaClock.FRAME_MS;
        if (speaking == null && holdUntilFrame < 0 && !callerTurns.isInTurn()
                && nowMs - listeningSinceMs >= QUIET_CALLER_MS) {
            callerFinishedTurn = true;  // the caller has nothing to say: go on with the script
        }
        if (holdUntilFrame >= 0) {
            if (frame >= holdUntilFrame) {
                holdUntilFrame = -1;
                line.resume();
                listeningSinceMs = frame * MediaClock.FRAME_MS;
            }
        } else if (speaking == null && script.peek() instanceof Step.Interrupt over
                && frame * MediaClock.FRAME_MS >= over.afterMs()) {
            script.poll();
            LOG.log(Level.INFO, "demo agent talks over the caller: " + over.text());
            speaking = lines.get(over);
            position = 0;
        } else if (speaking == null && callerFinishedTurn && !(script.peek() instanceof Step.Interrupt)) {
            nextStep(line);
        }
        line.sendAudio(nextFrame());
        frame++;
        return true;
    }

    private void nextStep(DialledCall line) {
        callerFinishedTurn = false;
        Step step = script.poll();
        if (step == null || step instanceof Step.HangUp) {
            line.hangUp();
        } else if (step instanceof Step.Say say) {
            LOG.log(Level.INFO, "demo agent says: " + say.text());
            speaking = lines.get(say);
            position = 0;
        } else if (step instanceof Step.Play play) {
            LOG.log(Level.INFO, "demo agent plays: " + play.label());
            speaking = lines.get(play);
            position = 0;
        } else if (step instanceof Step.Hold hold) {
            line.hold();
            holdUntilFrame = frame + hold.millis() / MediaClock.FRAME_MS;
        }
    }

    private short[] nextFrame() {
        if (speaking == null) return SILENCE;
        int end = Math.min(position + 160, speaking.length);
        short[] out = Arrays.copyOf(Arrays.copyOfRange(speaking, position, end), 160);
        position = end;
        if (position >= speaking.length) {
            speaking = null;
            listeningSinceMs = (frame + 1) * MediaClock.FRAME_MS;
        }
        return out;
    }
}
