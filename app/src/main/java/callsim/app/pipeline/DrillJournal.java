package callsim.app.pipeline;

import callsim.core.CallerAction;
import callsim.core.DrillEvent;
import callsim.core.DrillRecord;

/**
 * Where a running drill leaves its trail as it happens (so a crash or dropped call still leaves a
 * reviewable partial drill). Called from the media clock thread: implementations must only queue.
 */
public interface DrillJournal {
    /** One 20 ms frame of each side, for the stereo recording (caller left, agent right). */
    void audio(short[] callerFrame, short[] agentFrame);

    void event(DrillEvent event);

    void action(long atMs, CallerAction action);

    /** The drill as it stands; {@code complete} is false until the call has ended. */
    void snapshot(DrillRecord record, boolean complete);

    /** The call ended: write the final report and release files. */
    default void close(DrillRecord finalRecord) {
        close(finalRecord, true);
    }

    /** The call ended; {@code complete} false when it was cut off (a dropped line, a failure): a partial drill. */
    void close(DrillRecord finalRecord, boolean complete);
}
