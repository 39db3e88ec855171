package callsim.app.web;

import callsim.app.store.DrillFilter;
import callsim.core.Difficulty;
import callsim.core.Outcome;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The list filters as GET parameters (agent, scenario, difficulty, outcome, from, to, minScore, maxScore),
 * checked and turned into a {@link DrillFilter}; dates are whole UTC days, {@code to} inclusive.
 */
record DrillQuery(Map<String, String> values, DrillFilter filter) {
    static final String[] FIELDS = {"agent", "scenario", "difficulty", "outcome", "from", "to", "minScore", "maxScore"};
    private static final int MAX_TEXT = 200;

    static DrillQuery from(Request request) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : FIELDS) {
            request.query(field).map(String::trim).filter(v -> !v.isEmpty()).ifPresent(v -> {
                if (v.length() > MAX_TEXT) throw WebException.badRequest(field + ": at most " + MAX_TEXT + " characters");
                values.put(field, v);
            });
        }
        Optional<Integer> min = score(values, "minScore");
        Optional<Integer> max = score(values, "maxScore");
        if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
            throw WebException.badRequest("minScore " + min.get() + " is above maxScore " + max.get());
        }
        Optional<Instant> from = day(values, "from").map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant());
        // The store treats "to" as an exclusive bound: the start of the day after the one asked for.
        Optional<Instant> to = day(values, "to").map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        Optional<String> difficulty = Optional.ofNullable(values.get("difficulty")).map(v -> {
            try {
                return Difficulty.parse(v).jsonName();
            } catch (IllegalArgumentException e) {
                throw WebException.badRequest("difficulty: " + e.getMessage());
            }
        });
        Optional<String> outcome = Optional.ofNullable(values.get("outcome")).map(DrillQuery::outcome);
        DrillFilter filter = new DrillFilter(Optional.ofNullable(values.get("agent")), Optional.ofNullable(values.get("scenario")),
                difficulty, outcome, from, to, min, max, Optional.empty());
        return new DrillQuery(Map.copyOf(values), filter);
    }

    String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** The filters as a query string ("scenario=x&minScore=50"), for paging and export links. */
    String encoded() {
        return Arrays.stream(FIELDS).filter(values::containsKey)
                .map(f -> f + "=" + URLEncoder.encode(values.get(f), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** {@code path} with the filters and any extra parameters. */
    String link(String path, String extra) {
        String query = encoded();
        if (!extra.isEmpty()) query = query.isEmpty() ? extra : query + "&" + extra;
        return query.isEmpty() ? path : path + "?" + query;
    }

    private static Optional<Integer> score(Map<String, String> values, String field) {
        return Optional.ofNullable(values.get(field)).map(v -> {
            try {
                int score = Integer.parseInt(v);
                if (score >= 0 && score <= 100) return score;
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
            throw WebException.badRequest(field + ": expected a whole number from 0 to 100, got '" + v + "'");
        });
    }

    private static Optional<LocalDate> day(Map<String, String> values, String field) {
        return Optional.ofNullable(values.get(field)).map(v -> {
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw WebException.badRequest(field + ": expected a date like 2026-11-22, got '" + v + "'");
            }
        });
    }

    private static String outcome(String value) {
        String name = value.toLowerCase(Locale.ROOT).replace('-', '_');
        for (Outcome o : Outcome.values()) {
            if (o.jsonName().equals(name)) return o.jsonName();
        }
        throw WebException.badRequest("outcome: unknown '" + value + "' (expected one of "
                + Arrays.stream(Outcome.values()).map(Outcome::jsonName).collect(Collectors.joining(", ")) + ")");
    }
}
