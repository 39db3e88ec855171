package callsim.core;

import java.util.List;
import java.util.Optional;

/** What the analysis heard in one agent turn. */
public record TurnReading(String words, List<Detection> detections) {
    public TurnReading {
        detections = List.copyOf(detections);
    }

    public boolean has(Signal signal) {
        return detections.stream().anyMatch(d -> d.signal() == signal);
    }

    public Optional<Detection> first(Signal signal) {
        return detections.stream().filter(d -> d.signal() == signal).findFirst();
    }

    public List<Detection> all(Signal signal) {
        return detections.stream().filter(d -> d.signal() == signal).toList();
    }
}
