package callsim.app.report;

import java.time.Instant;

/** What the app knows of a drill beyond the core's record: who, where from, and when on the wall clock. */
public record DrillInfo(String id, String agent, String dialledNumber, String line, Instant startedAt) {}
