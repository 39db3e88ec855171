package callsim.app.asterisk;

import callsim.app.pipeline.DialPlan;
import java.util.List;

/** Who of an assignment's agents still has work left, and the drill each plays next: for ringing them through AMI. */
public interface AssignmentRoster {
    /** An agent (their extension) and the drill their next unfinished item is. */
    record Call(String agentKey, DialPlan.Choice drill) {}

    /** @throws IllegalArgumentException for an unknown assignment */
    List<Call> withWorkLeft(long assignmentId);
}
