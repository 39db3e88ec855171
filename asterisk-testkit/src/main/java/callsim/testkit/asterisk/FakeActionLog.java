package callsim.testkit.asterisk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What clients did to the fake: every action in arrival order, and login counts, with bounded waits. */
final class FakeActionLog {
    private final List<RecordedAction> actions = new ArrayList<>();
    private int logins;
    private int failedLogins;

    synchronized void add(RecordedAction action) {
        actions.add(action);
        notifyAll();
    }

    synchronized void loginSucceeded() {
        logins++;
        notifyAll();
    }

    synchronized void loginFailed() {
        failedLogins++;
    }

    synchronized List<RecordedAction> all() {
        return List.copyOf(actions);
    }

    synchronized List<RecordedAction> named(String name) {
        List<RecordedAction> matching = new ArrayList<>();
        for (RecordedAction action : actions) {
            if (name.equalsIgnoreCase(action.name())) matching.add(action);
        }
        return matching;
    }

    synchronized int logins() {
        return logins;
    }

    synchronized int failedLogins() {
        return failedLogins;
    }

    synchronized List<RecordedAction> await(String name, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (named(name).size() < count) {
            waitUntil(deadline, () -> "expected " + count + " " + name + " action(s) within " + timeout
                    + ", got these actions: " + actionNames());
        }
        return named(name).subList(0, count);
    }

    synchronized void awaitLogins(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (logins < count) {
            waitUntil(deadline, () -> "expected " + count + " successful login(s) within " + timeout + ", got " + logins
                    + " (and " + failedLogins + " failed); actions: " + actionNames());
        }
    }

    private void waitUntil(long deadline, java.util.function.Supplier<String> failure) {
        long left = deadline - System.nanoTime();
        if (left <= 0) throw new AssertionError(failure.get());
        try {
            wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }

    private List<String> actionNames() {
        return actions.stream().map(RecordedAction::name).toList();
    }
}
