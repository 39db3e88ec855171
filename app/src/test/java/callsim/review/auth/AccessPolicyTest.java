package callsim.review.auth;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.app.asterisk.MutableClock;
import callsim.review.store.DrillFilter;
import callsim.review.store.DrillRow;
import callsim.review.store.DrillStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who sees and overrides which drills. Team blue: agents alice (201) and bob (202), supervisor sam who
 * also takes calls (250). Team red: agent carol (301), supervisor rita. One drill came from a line
 * nobody is known by. The accounts are made once (hashing passwords is slow on purpose); a test that changes
 * accounts uses a team of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessPolicyTest {
    private static final char[] PASSWORD = "correct horse battery".toCharArray();

    private JdbcAuthenticator auth;
    private AccessPolicy policy;
    private User alice, bob, carol, sam, rita, admin;
    private final Map<String, DrillRow> drills = Map.of(
            "201", drill("201"), "202", drill("202"), "250", drill("250"), "301", drill("301"), "none", drill(null));

    @BeforeAll
    void setUp(@TempDir Path dir) {
        auth = new JdbcAuthenticator(AuthTestDatabase.migrated(dir), new MutableClock(Instant.parse("2026-11-23T08:00:00Z")));
        JdbcAccounts accounts = auth.accounts();
        alice = accounts.create("alice", "Alice", Role.AGENT, Optional.of("blue"), Optional.of("201"), PASSWORD);
        bob = accounts.create("bob", "Bob", Role.AGENT, Optional.of("blue"), Optional.of("202"), PASSWORD);
        carol = accounts.create("carol", "Carol", Role.AGENT, Optional.of("red"), Optional.of("301"), PASSWORD);
        sam = accounts.create("sam", "Sam", Role.SUPERVISOR, Optional.of("blue"), Optional.of("250"), PASSWORD);
        rita = accounts.create("rita", "Rita", Role.SUPERVISOR, Optional.of("red"), Optional.empty(), PASSWORD);
        admin = accounts.create("root", "Admin", Role.ADMIN, Optional.empty(), Optional.empty(), PASSWORD);
        policy = new AccessPolicy(auth);
    }

    private static DrillRow drill(String agentKey) {
        return new DrillRow("drill-" + agentKey, agentKey == null ? "unknown" : "PJSIP/" + agentKey, Optional.ofNullable(agentKey),
                "double-charge", "hard", Instant.parse("2026-11-20T09:00:00Z"), Optional.empty(), DrillStatus.COMPLETE,
                Optional.of("resolved"), Optional.of(70), Optional.of(true));
    }

    private Set<String> viewable(User user) {
        return drills.entrySet().stream().filter(e -> policy.canView(user, e.getValue())).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private Set<String> overridable(User user) {
        return drills.entrySet().stream().filter(e -> policy.canOverride(user, e.getValue())).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    @Test
    void anAgentSeesTheirOwnDrillsAndNoOneElses() {
        assertThat(policy.restrict(alice, DrillFilter.all()).agentKeys()).contains(Set.of("201"));
        assertThat(viewable(alice)).containsExactly("201");
        assertThat(viewable(carol)).containsExactly("301");
        assertThat(overridable(alice)).isEmpty();
    }

    @Test
    void anAgentWithNoKeySeesNothing() {
        User keyless = new User(99, "ghost", "Ghost", Role.AGENT, Optional.of("blue"), Optional.empty());

        assertThat(policy.restrict(keyless, DrillFilter.all()).agentKeys()).contains(Set.of());
        assertThat(viewable(keyless)).isEmpty();
    }

    @Test
    void aSupervisorSeesTheirTeamAndOwnDrillsAndOverridesTheTeamsOnly() {
        assertThat(policy.restrict(sam, DrillFilter.all()).agentKeys()).contains(Set.of("201", "202", "250"));
        assertThat(viewable(sam)).containsExactlyInAnyOrder("201", "202", "250");
        assertThat(overridable(sam)).as("not their own drill, not another team's").containsExactlyInAnyOrder("201", "202");

        assertThat(viewable(rita)).containsExactly("301");
        assertThat(overridable(rita)).containsExactly("301");
    }

    @Test
    void anAdminSeesAndOverridesEverythingAndAloneManagesUsers() {
        DrillFilter filter = DrillFilter.all();
        assertThat(policy.restrict(admin, filter)).isSameAs(filter);
        assertThat(viewable(admin)).containsExactlyInAnyOrder("201", "202", "250", "301", "none");
        assertThat(overridable(admin)).containsExactlyInAnyOrder("201", "202", "250", "301", "none");

        assertThat(List.of(alice, bob, carol, sam, rita, admin)).filteredOn(policy::canManageUsers).containsExactly(admin);
    }

    @Test
    void aFilterCanNarrowTheViewButNeverWidenIt() {
        DrillFilter asked = DrillFilter.all().onlyAgents(Set.of("202", "301"));

        assertThat(policy.restrict(sam, asked).agentKeys()).contains(Set.of("202"));
        assertThat(policy.restrict(alice, asked).agentKeys()).contains(Set.of());
        assertThat(policy.restrict(admin, asked).agentKeys()).contains(Set.of("202", "301"));
    }

    @Test
    void canViewAgreesWithTheRestrictedFilterForEveryUserAndDrill() {
        for (User user : List.of(alice, bob, carol, sam, rita, admin)) {
            Optional<Set<String>> keys = policy.restrict(user, DrillFilter.all()).agentKeys();
            for (DrillRow drill : drills.values()) {
                boolean listed = keys.map(k -> drill.agentKey().filter(k::contains).isPresent()).orElse(true);
                assertThat(policy.canView(user, drill)).as("%s viewing %s", user.username(), drill.id()).isEqualTo(listed);
            }
        }
    }

    @Test
    void aDisabledAgentsDrillsLeaveTheSupervisorsView() {
        JdbcAccounts accounts = auth.accounts();
        accounts.create("dave", "Dave", Role.AGENT, Optional.of("green"), Optional.of("401"), PASSWORD);
        User gina = accounts.create("gina", "Gina", Role.SUPERVISOR, Optional.of("green"), Optional.empty(), PASSWORD);
        DrillRow davesDrill = drill("401");
        assertThat(policy.canView(gina, davesDrill)).isTrue();

        accounts.disable("dave");

        assertThat(policy.canView(gina, davesDrill)).isFalse();
        assertThat(policy.canOverride(gina, davesDrill)).isFalse();
        assertThat(policy.canView(admin, davesDrill)).isTrue();
    }
}
