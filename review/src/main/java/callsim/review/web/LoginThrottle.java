package callsim.review.web;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing: after {@value #FREE_FAILURES} failed logins for one account, or
 * {@value #ADDRESS_FREE_FAILURES} from one address (a call centre's agents may share one), further attempts
 * wait, the wait doubling per failure up to {@link #MAX_WAIT}. A success clears the account's count. The
 * first refusal of a lock-out is logged so an admin sees an attack.
 */
final class LoginThrottle {
    static final int FREE_FAILURES = 5;
    static final int ADDRESS_FREE_FAILURES = 20;
    static final Duration FIRST_WAIT = Duration.ofSeconds(2);
    static final Duration MAX_WAIT = Duration.ofMinutes(5);
    private static final int MAX_TRACKED = 10_000;  // a flood of made-up names cannot grow this without bound
    private static final Logger LOG = System.getLogger(LoginThrottle.class.getName());

    private record Failures(int count, Instant until) {}

    private final Clock clock;
    private final Map<String, Failures> failures = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must wait before trying this account from this address, if at all. */
    synchronized Optional<Duration> wait(String username, String address) {
        Instant now = clock.instant();
        Instant until = later(until("user:" + username), until("addr:" + address));
        return until == null || !until.isAfter(now) ? Optional.empty()
                : Optional.of(Duration.between(now, until).plusMillis(999).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    synchronized void failed(String username, String address) {
        for (String key : new String[] {"user:" + username, "addr:" + address}) {
            Failures before = failures.get(key);
            int count = before == null ? 1 : before.count() + 1;
            int free = key.startsWith("user:") ? FREE_FAILURES : ADDRESS_FREE_FAILURES;
            Instant until = null;
            if (count >= free) {
                long factor = 1L << Math.min(20, count - free);
                Duration wait = FIRST_WAIT.multipliedBy(factor);
                until = clock.instant().plus(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
                if (count == free) {
                    LOG.log(Level.WARNING, "login throttled: " + count + " failed logins for " + key.replaceFirst(":", " ")
                            + "; further attempts wait up to " + MAX_WAIT.toMinutes() + " min");
                }
            }
            failures.put(key, new Failures(count, until));
        }
    }

    synchronized void succeeded(String username) {
        failures.remove("user:" + username);
    }

    private Instant until(String key) {
        Failures f = failures.get(key);
        return f == null ? null : f.until();
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isAfter(b) ? a : b;
    }
}
