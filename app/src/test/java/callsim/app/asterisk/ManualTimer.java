package callsim.app.asterisk;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ScheduledExecutorService} that only writes down {@code schedule(Runnable, delay, unit)}; the
 * test runs the task when it likes. Any other method fails, so a new use of the timer is noticed.
 */
public final class ManualTimer {
    public record Task(Runnable task, long delay, TimeUnit unit) {
        public long delayMillis() {
            return unit.toMillis(delay);
        }
    }

    private final List<Task> tasks = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService service = (ScheduledExecutorService) Proxy.newProxyInstance(
            ManualTimer.class.getClassLoader(), new Class<?>[] {ScheduledExecutorService.class}, (proxy, method, args) -> {
                if (method.getName().equals("schedule") && args.length == 3 && args[0] instanceof Runnable task) {
                    tasks.add(new Task(task, (Long) args[1], (TimeUnit) args[2]));
                    return null;  // OutboundDrills does not keep the future
                }
                throw new UnsupportedOperationException("ManualTimer does not do " + method.getName());
            });

    public ScheduledExecutorService service() {
        return service;
    }

    public List<Task> tasks() {
        return List.copyOf(tasks);
    }
}
