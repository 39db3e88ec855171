package callsim.review.web;

import callsim.review.store.DrillFilter;
import callsim.core.Difficulty;
import callsim.core.Outcome;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
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

    static DrillQuery from(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : FIELDS) {
            Optional.ofNullable(ctx.queryParam(field)).map(String::trim).filter(v -> !v.isEmpty()).ifPresent(v -> {
                if (v.length() > MAX_TEXT) throw new BadRequestResponse(field + ": at most " + MAX_TEXT + " characters");
                values.put(field, v);
            });
        }
        Optional<Integer> min = score(values, "minScore");
        Optional<Integer> max = score(values, "maxScore");
        if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
            throw new BadRequestResponse("minScore " + min.get() + " is above maxScore " + max.get());
        }
        Optional<Instant> from = day(values, "from").map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant());
        // The store treats "to" as an exclusive bound: the start of the day after the one asked for.
        Optional<Instant> to = day(values, "to").map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        Optional<String> difficulty = Optional.ofNullable(values.get("difficulty")).map(v -> {
            try {
                return Difficulty.parse(v).jsonName();
            } catch (IllegalArgumentException e) {
                throw new BadRequestResponse("difficulty: " + e.getMessage());
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
        return Optional.ofNullable(values.get(field)).map(v -> wholeNumber(field, v, 0, 100, "a whole number from 0 to 100"));
    }

    /** A whole number in {@code min..max}, or 400 saying what {@code field} expects. */
    static int wholeNumber(String field, String value, int min, int max, String expected) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new BadRequestResponse(field + ": expected " + expected + ", got '" + value + "'");
    }

    private static Optional<LocalDate> day(Map<String, String> values, String field) {
        return Optional.ofNullable(values.get(field)).map(v -> {
            try {
                LocalDate day = LocalDate.parse(v);
                if (day.getYear() < 1970 || day.getYear() > 9999) throw new DateTimeParseException("out of range", v, 0);
                return day;
            } catch (DateTimeParseException e) {
                throw new BadRequestResponse(field + ": expected a date like 2026-11-22 (years 1970 to 9999), got '" + v + "'");
            }
        });
    }

    private static String outcome(String value) {
        String name = value.toLowerCase(Locale.ROOT).replace('-', '_');
        for (Outcome o : Outcome.values()) {
            if (o.jsonName().equals(name)) return o.jsonName();
        }
        throw new BadRequestResponse("outcome: unknown '" + value + "' (expected one of "
                + Arrays.stream(Outcome.values()).map(Outcome::jsonName).collect(Collectors.joining(", ")) + ")");
    }
}
