package callsim.telephony.asterisk;

import java.time.Duration;

/** The waits between reconnect attempts: {@code first}, then doubling, never above {@code max}. */
final class BackoffDelays {
    private final Duration first;
    private final Duration max;
    private Duration next;

    BackoffDelays(AmiClient.Backoff backoff) {
        if (backoff.first().isNegative() || backoff.first().isZero()) {
            throw new IllegalArgumentException("AMI back-off must start above zero, got " + backoff.first());
        }
        if (backoff.max().compareTo(backoff.first()) < 0) {
            throw new IllegalArgumentException("AMI back-off max " + backoff.max() + " is below its first wait " + backoff.first());
        }
        this.first = backoff.first();
        this.max = backoff.max();
        this.next = first;
    }

    synchronized Duration next() {
        Duration delay = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return delay;
    }

    synchronized void reset() {
        next = first;
    }
}
