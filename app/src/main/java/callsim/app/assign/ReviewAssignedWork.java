package callsim.app.assign;

import callsim.app.asterisk.AssignmentRoster;
import callsim.app.pipeline.AssignedWork;
import callsim.app.pipeline.DialPlan;
import callsim.review.assign.AgentProgress;
import callsim.review.assign.Assignment;
import callsim.review.assign.ItemProgress;
import callsim.review.assign.Progress;
import callsim.review.store.AgentKey;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Assignments from the review database for the call pipeline and the AMI ringer. The database being away
 * never costs a drill: the agent then gets today's behaviour (the default drill, or the menu) and a log line.
 */
public final class ReviewAssignedWork implements AssignedWork, AssignmentRoster {
    private static final Logger LOG = System.getLogger(ReviewAssignedWork.class.getName());

    private final Progress progress;
    private final DialPlan dialPlan;
    private final Clock clock;

    public ReviewAssignedWork(Progress progress, DialPlan dialPlan, Clock clock) {
        this.progress = progress;
        this.dialPlan = dialPlan;
        this.clock = clock;
    }

    @Override
    public Optional<DialPlan.Choice> next(String agent) {
        Optional<String> key = AgentKey.of(agent);
        if (key.isEmpty()) return Optional.empty();
        try {
            return playable(Progress.next(progress.forAgent(key.get())));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot read the assignments of " + agent + " (" + e.getMessage() + "): the drill plays as if none were set");
            return Optional.empty();
        }
    }

    @Override
    public Optional<Afterword> afterword(String agent) {
        Optional<String> key = AgentKey.of(agent);
        if (key.isEmpty()) return Optional.empty();
        List<AgentProgress> before;
        try {
            before = progress.forAgent(key.get());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot read the assignments of " + agent + " (" + e.getMessage() + "): the debrief leaves them out");
            return Optional.empty();
        }
        if (before.isEmpty()) return Optional.empty();
        return Optional.of(record -> {
            boolean passed = record.score() != null && record.score().passed();
            int score = record.score() == null ? 0 : record.score().total();
            List<AgentProgress> after = before.stream()
                    .map(p -> p.withDrill(record.scenarioId(), record.difficulty().jsonName(), passed, score)).toList();
            return AssignmentDebrief.sentence(before, after, LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault()));
        });
    }

    @Override
    public List<Call> withWorkLeft(long assignmentId) {
        Assignment assignment = progress.assignments().find(assignmentId)
                .orElseThrow(() -> new IllegalArgumentException("no assignment " + assignmentId));
        List<Call> calls = new ArrayList<>();
        for (AgentProgress p : progress.of(assignment)) {
            playable(p.next()).ifPresent(choice -> calls.add(new Call(p.agentKey(), choice)));
        }
        return calls;
    }

    /** The item as a drill this server can play; an item whose scenario left the library is skipped, and said so. */
    private Optional<DialPlan.Choice> playable(Optional<ItemProgress> item) {
        if (item.isEmpty()) return Optional.empty();
        try {
            return Optional.of(dialPlan.require(item.get().item().scenario(), item.get().item().difficulty().jsonName()));
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "assigned drill " + item.get().item().drill() + " cannot be played: " + e.getMessage());
            return Optional.empty();
        }
    }
}
