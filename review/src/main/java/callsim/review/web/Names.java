package callsim.review.web;

import callsim.review.auth.Authenticator;
import callsim.review.store.DrillFilter;
import callsim.review.store.DrillRow;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How people and scenarios are called on the pages: an agent by their account's display name ("Ali Khan"),
 * falling back to how the line named them; a scenario by its title.
 */
final class Names {
    private final Authenticator auth;
    private final Map<String, String> scenarioTitles;

    Names(Authenticator auth, Map<String, String> scenarioTitles) {
        this.auth = auth;
        this.scenarioTitles = Map.copyOf(scenarioTitles);
    }

    String agent(DrillRow row) {
        return row.agentKey().map(k -> agentByKey(k, row.agent())).orElse(row.agent());
    }

    String agentByKey(String key, String fallback) {
        String name = auth.agentNames().get(key);
        return name == null ? fallback : name + " (" + key + ")";
    }

    String scenario(String id) {
        return scenarioTitles.getOrDefault(id, id);
    }

    Map<String, String> scenarioTitles() {
        return scenarioTitles;
    }

    /** The filter with its agent text also matching account names and its scenario text matching titles. */
    DrillFilter widen(DrillFilter filter) {
        return filter.matching(filter.agent().map(this::agentKeysNamed).orElse(Set.of()),
                filter.scenario().map(this::scenariosMatching).orElse(Set.of()));
    }

    /** Agent keys whose account name contains {@code text} (any case). */
    Set<String> agentKeysNamed(String text) {
        String wanted = text.toLowerCase(Locale.ROOT).trim();
        return auth.agentNames().entrySet().stream().filter(e -> e.getValue().toLowerCase(Locale.ROOT).contains(wanted))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** Scenario ids whose id or title contains {@code text} (any case). */
    Set<String> scenariosMatching(String text) {
        String wanted = text.toLowerCase(Locale.ROOT).trim();
        return scenarioTitles.entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(Locale.ROOT).contains(wanted) || e.getValue().toLowerCase(Locale.ROOT).contains(wanted))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }
}
