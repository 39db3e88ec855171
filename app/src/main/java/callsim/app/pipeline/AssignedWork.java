package callsim.app.pipeline;

import callsim.core.DrillRecord;
import java.util.Optional;

/**
 * What an agent's assignments ask of the drill they dial without choosing one (SIP 7000, the FastAGI
 * extension with no {@code scenario=}), and what the debrief says is left. Backed by the review database;
 * {@link #NONE} when there is none, and then calls behave as they always did.
 */
public interface AssignedWork {
    AssignedWork NONE = new AssignedWork() {
        @Override public Optional<DialPlan.Choice> next(String agent) {
            return Optional.empty();
        }

        @Override public Optional<Afterword> afterword(String agent) {
            return Optional.empty();
        }
    };

    /**
     * The next unfinished item of the assignments of the agent the line names ("Ali <201>", "PJSIP/201"), or
     * empty when the line names nobody with work left. Reads the database: never on the media clock.
     */
    Optional<DialPlan.Choice> next(String agent);

    /**
     * Read when a drill starts (off the media clock) so that its end needs no database: what the debrief adds
     * about the agent's assignments once the drill's own result is known. Empty when they have none.
     */
    Optional<Afterword> afterword(String agent);

    /** The debrief's words about what is left, counting the finished drill (its scenario, level and score). */
    @FunctionalInterface
    interface Afterword {
        String after(DrillRecord record);
    }
}
