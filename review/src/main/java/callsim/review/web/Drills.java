package callsim.review.web;

import callsim.review.auth.User;
import callsim.review.store.DrillFilter;
import callsim.review.store.DrillRow;
import callsim.review.store.DrillStore;
import callsim.review.store.Page;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The store as one user may see it: every read goes through {@link Access}; what they may not see is "not found". */
final class Drills {
    static final int EXPORT_CAP = 10_000;
    private static final int EXPORT_BATCH = 500;

    record Export(List<DrillRow> rows, long total) {
        boolean truncated() {
            return total > rows.size();
        }
    }

    private final DrillStore store;
    private final Access access;

    Drills(DrillStore store, Access access) {
        this.store = store;
        this.access = access;
    }

    DrillStore store() {
        return store;
    }

    Access access() {
        return access;
    }

    Page<DrillRow> list(User user, DrillFilter filter, int page, int size) {
        return store.list(access.restrict(user, filter), page, size);
    }

    /** All matches over all pages, up to {@link #EXPORT_CAP} rows. */
    Export export(User user, DrillFilter filter) {
        DrillFilter restricted = access.restrict(user, filter);
        List<DrillRow> rows = new ArrayList<>();
        long total = 0;
        for (int page = 0; rows.size() < EXPORT_CAP; page++) {
            Page<DrillRow> batch = store.list(restricted, page, EXPORT_BATCH);
            total = batch.total();
            if (batch.items().isEmpty()) break;
            for (DrillRow row : batch.items()) {
                if (rows.size() < EXPORT_CAP) rows.add(row);
            }
            if ((long) (page + 1) * EXPORT_BATCH >= total) break;
        }
        return new Export(rows, total);
    }

    /** The drill if it exists and {@code user} may see it; otherwise 404, so its existence stays hidden. */
    DrillRow visible(User user, String id) {
        return store.row(id).filter(row -> access.canView(user, row)).orElseThrow(() -> new NotFoundResponse("not found"));
    }

    /** A filter for one agent's drills, or 404 when {@code user} may see none of that agent's drills. */
    DrillFilter agentFilter(User user, String agentKey) {
        DrillFilter restricted = access.restrict(user, DrillFilter.all());
        Optional<Set<String>> allowed = restricted.agentKeys();
        if (allowed.isPresent() && !allowed.get().contains(agentKey)) throw new NotFoundResponse("not found");
        // Narrow after restricting, whether restrict() replaced or intersected agent keys.
        return restricted.onlyAgents(Set.of(agentKey));
    }
}
