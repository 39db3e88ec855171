package callsim.review.auth;

import java.time.Instant;
import java.util.Optional;

/** An API token as listed: its name and use, never the token (only its hash is kept). */
public record ApiToken(String name, Instant createdAt, Optional<Instant> lastUsedAt) {}
