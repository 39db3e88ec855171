package callsim.app.store;

import java.time.Instant;
import java.util.Optional;

/** One drill in a list: what the filters, the list page and the CSV export show. */
public record DrillRow(String id, String agent, Optional<String> agentKey, String scenario, String difficulty,
                       Instant startedAt, Optional<Instant> endedAt, DrillStatus status, Optional<String> outcome,
                       Optional<Integer> scoreTotal, Optional<Boolean> passed) {}
