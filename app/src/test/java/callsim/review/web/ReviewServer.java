package callsim.review.web;

import static callsim.review.web.SampleDrills.row;

import callsim.review.auth.Role;
import callsim.review.auth.User;
import callsim.review.store.DrillRow;
import callsim.review.store.DrillStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The review app on 127.0.0.1 with in-memory accounts and drills. Team north: agents alice (201) and
 * bob (202), supervisor sue; team south: agent carol (301); ada is admin. Passwords are "pw-" + name.
 */
public final class ReviewServer implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final InMemoryDrillStore store = new InMemoryDrillStore(clock);
    final InMemoryAuthenticator auth = new InMemoryAuthenticator(clock);
    final User alice = auth.add("alice", "pw-alice", Role.AGENT, "north", "201");
    final User bob = auth.add("bob", "pw-bob", Role.AGENT, "north", "202");
    final User carol = auth.add("carol", "pw-carol", Role.AGENT, "south", "301");
    final User sue = auth.add("sue", "pw-sue", Role.SUPERVISOR, "north", null);
    final User ada = auth.add("ada", "pw-ada", Role.ADMIN, null, null);
    final DrillRow alice1 = add(row("d-alice-1", "Alice Smith <201>", "201", "double-charge", "normal",
            Instant.parse("2026-11-20T10:00:00Z"), DrillStatus.COMPLETE, "resolved", 64), SampleDrills.silentWav(60));
    final DrillRow alice2 = add(row("d-alice-2", "Alice Smith <201>", "201", "late-delivery", "hard",
            Instant.parse("2026-11-21T10:00:00Z"), DrillStatus.COMPLETE, "escalated", 35), null);
    final DrillRow aliceRunning = add(row("d-alice-3", "Alice Smith <201>", "201", "late-delivery", "easy",
            Instant.parse("2026-11-23T10:00:00Z"), DrillStatus.RUNNING, null, null), null);
    final DrillRow bob1 = add(row("d-bob-1", "sip:202@127.0.0.1", "202", "double-charge", "easy",
            Instant.parse("2026-11-21T12:00:00Z"), DrillStatus.COMPLETE, "resolved", 80), SampleDrills.silentWav(2));
    final DrillRow carol1 = add(row("d-carol-1", "Carol White <301>", "301", "late-delivery", "normal",
            Instant.parse("2026-11-22T10:00:00Z"), DrillStatus.PARTIAL, "caller_hung_up", 50), SampleDrills.silentWav(2));

    /** Scenario titles as the app gives them: the list shows and filters by these. */
    static final Map<String, String> TITLES = Map.of("double-charge", "Charged twice for one order", "late-delivery", "The parcel never came");

    private final ReviewApp server;

    ReviewServer() throws IOException {
        this(ReviewApp.Settings.on(new InetSocketAddress("127.0.0.1", 0)));
    }

    ReviewServer(ReviewApp.Settings settings) throws IOException {
        this(settings, Optional.empty(), Optional.empty());
    }

    /** With the control API ({@code /api/calls}) answered by {@code control} behind {@code token}. */
    public ReviewServer(CallControl control, ControlToken token) throws IOException {
        this(ReviewApp.Settings.on(new InetSocketAddress("127.0.0.1", 0)), Optional.of(control), Optional.of(token));
    }

    private ReviewServer(ReviewApp.Settings settings, Optional<CallControl> control, Optional<ControlToken> token) {
        server = ReviewApp.start(settings, new ReviewApp.Parts(store, auth, new RuleAccess(auth), clock, TITLES, Optional.empty(),
                Optional.empty()), control, token);
    }

    private DrillRow add(DrillRow row, byte[] wav) {
        store.put(row, SampleDrills.report(row), wav);
        return row;
    }

    public String base() {
        return "http://127.0.0.1:" + server.port();
    }

    WebClient client() {
        return new WebClient(base());
    }

    @Override
    public void close() {
        server.close();
    }
}
