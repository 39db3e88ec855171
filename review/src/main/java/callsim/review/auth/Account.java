package callsim.review.auth;

import java.time.Instant;

/** A user as an admin sees them: whether the account may still log in, and since when it exists. */
public record Account(User user, boolean disabled, Instant createdAt) {}
