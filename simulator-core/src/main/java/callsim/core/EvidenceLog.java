package callsim.core;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Evidence per technique, collected as the drill happens (the line's own evidence is added when scoring). */
final class EvidenceLog {
    private final Map<Technique, List<Evidence>> byTechnique = new EnumMap<>(Technique.class);

    void add(Technique technique, Evidence evidence) {
        byTechnique.computeIfAbsent(technique, t -> new ArrayList<>()).add(evidence);
    }

    List<Evidence> of(Technique technique) {
        return List.copyOf(byTechnique.getOrDefault(technique, List.of()));
    }
}
