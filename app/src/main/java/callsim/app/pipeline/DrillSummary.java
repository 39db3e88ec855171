package callsim.app.pipeline;

import callsim.core.DrillRecord;
import callsim.core.LineMetrics;
import java.util.List;
import java.util.Locale;

/**
 * The short spoken debrief read to the agent when the caller ends a phone drill: how it ended, how
 * the caller's anger moved, and the line habits that mattered. Any key skips it.
 */
final class DrillSummary {
    private DrillSummary() {}

    static String text(DrillRecord record) {
        return text(record, "");
    }

    /** {@code assignments}: what is left of the agent's assignments ({@link AssignedWork}), read before the goodbye. */
    static String text(DrillRecord record, String assignments) {
        StringBuilder s = new StringBuilder("Drill over. Press any key to skip this summary. ");
        s.append(switch (record.outcome()) {
            case RESOLVED -> "Well done: the caller accepted your solution and left satisfied. ";
            case CALLER_HUNG_UP -> "The caller hung up on you. ";
            case AGENT_SILENT -> "You went silent and the caller hung up. ";
            case ESCALATED -> "The call was escalated to a supervisor. ";
            case TIMED_OUT -> "The drill ran out of time before the problem was solved. ";
            default -> "";
        });
        List<callsim.core.AngerPoint> anger = record.anger();
        if (!anger.isEmpty()) {
            s.append(String.format(Locale.ROOT, "Their anger went from %d to %d out of a hundred. ",
                    anger.get(0).value(), anger.get(anger.size() - 1).value()));
        }
        LineMetrics m = record.metrics();
        if (m.agentInterruptions() > 0) s.append(times("You talked over the caller", m.agentInterruptions())).append(". ");
        if (m.holdCount() > 0) {
            s.append(String.format(Locale.ROOT, "You put them on hold %s, %d seconds in all. ",
                    m.holdCount() == 1 ? "once" : m.holdCount() + " times", Math.round(m.holdSeconds())));
        }
        if (m.deadAirSeconds() > 0) {
            s.append(String.format(Locale.ROOT, "There were %d seconds of dead air. ", Math.round(m.deadAirSeconds())));
        }
        if (record.score() != null) {
            s.append(String.format(Locale.ROOT, "Your score is %d out of a hundred: %s. ", record.score().total(),
                    record.score().passed() ? "a pass" : "not a pass yet"));
            record.score().advice().forEach(advice -> s.append(advice).append(' '));
        }
        s.append(assignments);
        s.append("Your full report is waiting for your supervisor. Goodbye.");
        return s.toString();
    }

    private static String times(String what, int count) {
        return what + (count == 1 ? " once" : count == 2 ? " twice" : " " + count + " times");
    }
}
