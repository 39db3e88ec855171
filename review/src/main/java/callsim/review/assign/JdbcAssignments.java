package callsim.review.assign;

import callsim.core.Difficulty;
import callsim.review.auth.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code assignments} and {@code assignment_items} tables (migration V3). */
public final class JdbcAssignments {
    private static final String COLUMNS = "id, title, agent_key, team, due_on, created_by, created_at";

    private final DataSource db;
    private final Clock clock;

    public JdbcAssignments(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Stores a request {@link AssignmentRules} has checked; one transaction, so no assignment is left without its drills. */
    public Assignment create(AssignmentRequest request, String createdBy) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                java.time.Instant now = clock.instant();
                long id = Jdbc.insert(c, "INSERT INTO assignments (title, agent_key, team, due_on, created_by, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", request.title(), request.agentKey(), request.team(),
                        request.due().<Object>map(d -> d).orElse(new Jdbc.Null(java.sql.Types.DATE)), createdBy, now);
                for (int i = 0; i < request.items().size(); i++) {
                    AssignmentItem item = request.items().get(i);
                    Jdbc.update(c, "INSERT INTO assignment_items (assignment_id, item_no, scenario, difficulty, goal, amount)"
                            + " VALUES (?, ?, ?, ?, ?, ?)", id, i, item.scenario(), item.difficulty().jsonName(), item.goal().jsonName(), item.amount());
                }
                c.commit();
                return new Assignment(id, request.title(), request.agentKey(), request.team(), request.due(), createdBy, now, request.items());
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("storing an assignment", e);
        }
    }

    public Optional<Assignment> find(long id) {
        return select(" WHERE id = ?", id).stream().findFirst();
    }

    /** Every assignment, newest first. */
    public List<Assignment> all() {
        return select("");
    }

    /** The assignments of one team: set for the team, or for one of {@code agentKeys} (its agents). */
    public List<Assignment> forTeam(String team, java.util.Set<String> agentKeys) {
        List<Object> params = new ArrayList<>(List.of(team));
        params.addAll(agentKeys);
        String agents = agentKeys.isEmpty() ? "" : " OR agent_key IN (" + String.join(", ", java.util.Collections.nCopies(agentKeys.size(), "?")) + ")";
        return select(" WHERE team = ?" + agents, params.toArray());
    }

    /** What one agent has to do: assignments set for them, or for their team. */
    public List<Assignment> forAgent(String agentKey, Optional<String> team) {
        return team.isPresent() ? select(" WHERE agent_key = ? OR team = ?", agentKey, team.get()) : select(" WHERE agent_key = ?", agentKey);
    }

    private List<Assignment> select(String where, Object... params) {
        try (Connection c = db.getConnection()) {
            record Head(long id, String title, Optional<String> agentKey, Optional<String> team, Optional<LocalDate> due,
                        String createdBy, java.time.Instant createdAt) {}
            List<Head> heads = Jdbc.query(c, "SELECT " + COLUMNS + " FROM assignments" + where + " ORDER BY created_at DESC, id DESC",
                    rs -> new Head(rs.getLong("id"), rs.getString("title"), Jdbc.optional(rs, "agent_key"), Jdbc.optional(rs, "team"),
                            Optional.ofNullable(rs.getObject("due_on", LocalDate.class)), rs.getString("created_by"),
                            Jdbc.instant(rs, "created_at")), params);
            Map<Long, List<AssignmentItem>> items = new LinkedHashMap<>();
            for (Head h : heads) {
                items.put(h.id(), Jdbc.query(c, "SELECT scenario, difficulty, goal, amount FROM assignment_items"
                        + " WHERE assignment_id = ? ORDER BY item_no", JdbcAssignments::item, h.id()));
            }
            List<Assignment> result = new ArrayList<>();
            for (Head h : heads) {
                result.add(new Assignment(h.id(), h.title(), h.agentKey(), h.team(), h.due(), h.createdBy(), h.createdAt(), items.get(h.id())));
            }
            return result;
        } catch (SQLException e) {
            throw Jdbc.failure("reading assignments", e);
        }
    }

    private static AssignmentItem item(ResultSet rs) throws SQLException {
        return new AssignmentItem(rs.getString("scenario"), Difficulty.parse(rs.getString("difficulty")), Goal.parse(rs.getString("goal")),
                rs.getInt("amount"));
    }
}
