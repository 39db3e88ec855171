package callsim.core;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What the caller can say: a pool of lines per situation and anger band. */
public record CallerLines(Map<LineSituation, Map<AngerBand, List<String>>> pools) {

    public CallerLines {
        EnumMap<LineSituation, Map<AngerBand, List<String>>> copy = new EnumMap<>(LineSituation.class);
        pools.forEach((situation, byBand) -> {
            EnumMap<AngerBand, List<String>> bands = new EnumMap<>(AngerBand.class);
            byBand.forEach((band, lines) -> {
                if (!lines.isEmpty()) bands.put(band, List.copyOf(lines));
            });
            copy.put(situation, Collections.unmodifiableMap(bands));
        });
        for (LineSituation situation : LineSituation.values()) {
            for (AngerBand band : situation.requiredBands()) {
                checkArgument(copy.containsKey(situation) && copy.get(situation).containsKey(band),
                        "no %s lines for the %s band", situation.yamlName(), band.yamlName());
            }
        }
        pools = Collections.unmodifiableMap(copy);
    }

    /**
     * The lines for a situation in a band; a band without lines borrows from the nearest band that has
     * some (the calmer one on a tie), and a situation without lines falls back to {@code fallback}.
     */
    public List<String> pool(LineSituation situation, AngerBand band, LineSituation fallback) {
        Map<AngerBand, List<String>> byBand = pools.getOrDefault(situation, Map.of());
        if (byBand.isEmpty()) return situation == fallback ? List.of() : pool(fallback, band, fallback);
        for (int distance = 0; distance < AngerBand.values().length; distance++) {
            for (int ordinal : new int[] {band.ordinal() - distance, band.ordinal() + distance}) {
                if (ordinal < 0 || ordinal >= AngerBand.values().length) continue;
                List<String> lines = byBand.get(AngerBand.values()[ordinal]);
                if (lines != null) return lines;
            }
        }
        return List.of();
    }

    /** These lines with {@code line} added to the pool of {@code situation} in {@code band} (unless already there). */
    public CallerLines with(LineSituation situation, AngerBand band, String line) {
        Map<LineSituation, Map<AngerBand, List<String>>> copy = new EnumMap<>(LineSituation.class);
        pools.forEach((s, byBand) -> {
            Map<AngerBand, List<String>> bands = new EnumMap<>(AngerBand.class);
            bands.putAll(byBand);
            copy.put(s, bands);
        });
        Map<AngerBand, List<String>> byBand = copy.computeIfAbsent(situation, s -> new EnumMap<>(AngerBand.class));
        List<String> lines = new ArrayList<>(byBand.getOrDefault(band, List.of()));
        if (!lines.contains(line)) lines.add(line);
        byBand.put(band, lines);
        return new CallerLines(copy);
    }

    /**
     * The pools of a situation from the band's own outwards (nearest first, the calmer one on a tie):
     * where to look for a line not yet said.
     */
    public List<List<String>> poolsNearest(LineSituation situation, AngerBand band) {
        Map<AngerBand, List<String>> byBand = pools.getOrDefault(situation, Map.of());
        List<List<String>> nearest = new ArrayList<>();
        for (int distance = 0; distance < AngerBand.values().length; distance++) {
            for (int ordinal : new int[] {band.ordinal() - distance, band.ordinal() + distance}) {
                if (ordinal < 0 || ordinal >= AngerBand.values().length || (distance == 0 && ordinal != band.ordinal())) continue;
                List<String> lines = byBand.get(AngerBand.values()[ordinal]);
                if (lines != null && !nearest.contains(lines)) nearest.add(lines);
            }
        }
        return nearest;
    }

    /** Every line, for building vocabularies and checking content. */
    public List<String> allLines() {
        List<String> all = new ArrayList<>();
        pools.values().forEach(byBand -> byBand.values().forEach(all::addAll));
        return all;
    }
}
