package callsim.telephony.asterisk;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A {@link TrainingCallHandler} that records every call and books each on the AudioSocket at
 * {@code 127.0.0.1:9092} under a fresh UUID, unless told to decide otherwise.
 */
final class FastAgiCalls implements TrainingCallHandler {
    static final String AUDIO_HOST = "127.0.0.1";
    static final int AUDIO_PORT = 9092;

    final List<TrainingCall> calls = new CopyOnWriteArrayList<>();
    final List<AudioSocketTarget> targets = new CopyOnWriteArrayList<>();
    private final Function<TrainingCall, AudioSocketTarget> decision;
    /** What {@link #drillPending} answers: whether booked drills are still expected or on the line. */
    volatile boolean drillsPending = true;

    FastAgiCalls() {
        this(call -> new AudioSocketTarget(UUID.randomUUID(), AUDIO_HOST, AUDIO_PORT));
    }

    /** Decides with {@code decision}, which may throw like a real handler. */
    FastAgiCalls(Function<TrainingCall, AudioSocketTarget> decision) {
        this.decision = decision;
    }

    /** Refuses calls for any scenario but {@code scenario}, as the real handler refuses unknown ones. */
    static FastAgiCalls onlyScenario(String scenario) {
        return new FastAgiCalls(call -> {
            String wanted = call.parameters().get("scenario");
            if (!scenario.equals(wanted)) {
                throw new IllegalArgumentException("unknown scenario \"" + wanted + "\"");
            }
            return new AudioSocketTarget(UUID.randomUUID(), AUDIO_HOST, AUDIO_PORT);
        });
    }

    @Override
    public AudioSocketTarget route(TrainingCall call) {
        calls.add(call);
        AudioSocketTarget target = decision.apply(call);
        if (target != null) {
            targets.add(target);
        }
        return target;
    }

    @Override
    public boolean drillPending(UUID drill) {
        return drillsPending;
    }
}
