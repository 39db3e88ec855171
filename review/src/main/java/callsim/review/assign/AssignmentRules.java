package callsim.review.assign;

import callsim.review.auth.JdbcAccounts;
import callsim.review.auth.Role;
import callsim.review.auth.User;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a trainer may assign, checked the same way for the page and the API: known scenarios, reachable
 * targets, a due date not already gone, and an assignee the trainer is responsible for (a supervisor their
 * own team and its agents; an admin anyone). Each refusal says what is wrong and what would be right.
 */
public final class AssignmentRules {
    static final int MAX_ITEMS = 20;
    static final int MAX_TITLE = 200;

    private final JdbcAccounts accounts;
    private final Set<String> scenarioIds;

    public AssignmentRules(JdbcAccounts accounts, Set<String> scenarioIds) {
        this.accounts = accounts;
        this.scenarioIds = new TreeSet<>(scenarioIds);
    }

    /**
     * The request as it will be stored (a missing title made from its drills).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public AssignmentRequest check(User trainer, AssignmentRequest request, LocalDate today) {
        if (trainer.role() == Role.AGENT) throw new IllegalArgumentException("agents cannot set assignments: ask your supervisor");
        List<AssignmentItem> items = request.items();
        if (items.isEmpty()) throw new IllegalArgumentException("add at least one scenario to the assignment");
        if (items.size() > MAX_ITEMS) throw new IllegalArgumentException("at most " + MAX_ITEMS + " scenarios in one assignment");
        for (AssignmentItem item : items) {
            if (!scenarioIds.contains(item.scenario())) {
                throw new IllegalArgumentException("unknown scenario '" + item.scenario() + "' (known: " + String.join(", ", scenarioIds) + ")");
            }
            if (item.goal() == Goal.PASSES && (item.amount() < 1 || item.amount() > AssignmentItem.MAX_PASSES)) {
                throw new IllegalArgumentException("target for " + item.scenario() + ": pass it 1 to " + AssignmentItem.MAX_PASSES
                        + " times, not " + item.amount());
            }
            if (item.goal() == Goal.SCORE && (item.amount() < 1 || item.amount() > 100)) {
                throw new IllegalArgumentException("target for " + item.scenario() + ": a score from 1 to 100 to reach, not " + item.amount());
            }
        }
        request.due().filter(due -> due.isBefore(today)).ifPresent(due -> {
            throw new IllegalArgumentException("due date " + due + " is in the past (today is " + today + "): choose today or later, or none");
        });
        checkAssignee(trainer, request.agentKey(), request.team());
        return new AssignmentRequest(title(request), request.agentKey(), request.team(), request.due(), items);
    }

    private void checkAssignee(User trainer, Optional<String> agentKey, Optional<String> team) {
        if (agentKey.isPresent() == team.isPresent()) {
            throw new IllegalArgumentException("assign to one agent (their extension, like 201) or to one team, not "
                    + (agentKey.isPresent() ? "both" : "neither"));
        }
        Optional<String> ownTeam = trainer.role() == Role.SUPERVISOR ? trainer.team() : Optional.empty();
        if (agentKey.isPresent()) {
            User agent = accounts.findByAgentKey(agentKey.get()).filter(u -> u.role() == Role.AGENT).orElseThrow(
                    () -> new IllegalArgumentException("no agent has the extension " + agentKey.get() + " (see Accounts)"));
            if (trainer.role() == Role.SUPERVISOR && !agent.team().equals(ownTeam)) {
                throw new IllegalArgumentException("agent " + agentKey.get() + " is not in your team ("
                        + ownTeam.orElse("none") + "): supervisors assign drills to their own team's agents only");
            }
            return;
        }
        if (trainer.role() == Role.SUPERVISOR && !team.equals(ownTeam)) {
            throw new IllegalArgumentException("team " + team.get() + " is not yours (" + ownTeam.orElse("none")
                    + "): supervisors assign drills to their own team only");
        }
        if (accounts.agentKeysInTeam(team.get()).isEmpty()) {
            throw new IllegalArgumentException("team " + team.get() + " has no agents to assign drills to");
        }
    }

    private static String title(AssignmentRequest request) {
        String title = request.title() == null ? "" : request.title().strip();
        if (title.isEmpty()) {
            List<String> drills = new ArrayList<>();
            request.items().forEach(item -> drills.add(item.drill()));
            title = String.join(", ", drills);
            if (title.length() > MAX_TITLE) title = title.substring(0, MAX_TITLE - 1) + "…";
        }
        if (title.length() > MAX_TITLE) throw new IllegalArgumentException("the title is longer than " + MAX_TITLE + " characters");
        if (title.chars().anyMatch(Character::isISOControl)) throw new IllegalArgumentException("the title has control characters in it");
        return title;
    }
}
