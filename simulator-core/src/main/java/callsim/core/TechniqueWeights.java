package callsim.core;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Default technique weights of the score (relative numbers; a scenario may override any of them). */
public final class TechniqueWeights {
    public static final double MAX_WEIGHT = 100;

    /** T1 6, T2 8, T3 9, T4 6, T5 8, T6 6, T7 7, T8 10, T9 8, T10 9, T11 6, T12 5, T13 6, T14 6. */
    public static final Map<Technique, Double> DEFAULTS = defaults();

    private TechniqueWeights() {}

    /** The given weights over the defaults; every weight must lie in 0..{@value #MAX_WEIGHT}. */
    static Map<Technique, Double> complete(Map<Technique, Double> overrides) {
        EnumMap<Technique, Double> all = new EnumMap<>(DEFAULTS);
        overrides.forEach((technique, weight) -> {
            checkArgument(weight != null && weight >= 0 && weight <= MAX_WEIGHT,
                    "weight of %s is %s, outside 0..%s", technique.code(), weight, MAX_WEIGHT);
            all.put(technique, weight);
        });
        return Collections.unmodifiableMap(all);
    }

    private static Map<Technique, Double> defaults() {
        double[] values = {6, 8, 9, 6, 8, 6, 7, 10, 8, 9, 6, 5, 6, 6};
        EnumMap<Technique, Double> map = new EnumMap<>(Technique.class);
        for (Technique technique : Technique.values()) map.put(technique, values[technique.ordinal()]);
        return Collections.unmodifiableMap(map);
    }
}
