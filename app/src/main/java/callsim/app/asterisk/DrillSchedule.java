package callsim.app.asterisk;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A team's drill schedule, one call per line: {@code WHEN AGENT [SCENARIO [LEVEL]]}, or
 * {@code WHEN assignment ID [DEVICE]} to ring every agent of an assignment who still has work left then
 * (DEVICE like {@code PJSIP/{agent}}, the default), {@code #} starts a comment. WHEN is {@code 2026-11-23T09:30} (in the given zone), {@code 2026-11-23T09:30+01:00}, or
 * {@code 09:30} for the next time the clock shows it. For example:
 * <pre>
 * # Monday team drills
 * 09:30  PJSIP/201  double-charge  hard
 * 09:45  PJSIP/202  warranty-refused
 * 10:00  assignment 12
 * </pre>
 * Errors name the line, and nothing is placed from a file with any error.
 */
public final class DrillSchedule {
    private DrillSchedule() {}

    /** A file's line is wrong; the message is {@code FILE:LINE: what}. */
    public static final class ScheduleException extends IllegalArgumentException {
        ScheduleException(String message) {
            super(message);
        }
    }

    public static List<CallRequest> parse(String source, List<String> lines, Instant now, ZoneId zone) {
        List<CallRequest> calls = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").trim();
            if (line.isEmpty()) continue;
            String[] words = line.split("\\s+");
            try {
                if (words.length >= 2 && words[1].equalsIgnoreCase("assignment")) {
                    calls.add(assignment(words, when(words[0], now, zone)));
                    continue;
                }
                if (words.length < 2 || words.length > 4) {
                    throw new IllegalArgumentException("expected WHEN AGENT [SCENARIO [LEVEL]], got " + words.length + " word(s)");
                }
                calls.add(new CallRequest(words[1], word(words, 2), word(words, 3), Optional.of(when(words[0], now, zone))));
            } catch (IllegalArgumentException e) {
                errors.add(source + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) throw new ScheduleException(String.join("\n", errors));
        return calls;
    }

    /** {@code --at}: the same WHEN forms as the file. */
    public static Instant when(String text, Instant now, ZoneId zone) {
        try {
            if (text.matches("\\d{1,2}:\\d{2}")) {
                ZonedDateTime today = LocalTime.parse(text.length() == 4 ? "0" + text : text)
                        .atDate(now.atZone(zone).toLocalDate()).atZone(zone);
                return (today.toInstant().isAfter(now) ? today : today.plusDays(1)).toInstant();
            }
            if (text.matches(".*T.*([+-]\\d{2}:\\d{2}|Z)$")) return OffsetDateTime.parse(text).toInstant();
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("cannot read time '" + text + "' (use 09:30, 2026-11-23T09:30 or 2026-11-23T09:30+01:00)");
        }
    }

    private static CallRequest assignment(String[] words, Instant at) {
        if (words.length < 3 || words.length > 4) {
            throw new IllegalArgumentException("expected WHEN assignment ID [DEVICE], got " + words.length + " word(s)");
        }
        return CallRequest.forAssignment(assignmentId(words[2]), words.length == 4 ? words[3] : CallRequest.DEFAULT_DEVICE, Optional.of(at));
    }

    /** {@code --assignment} and the schedule's {@code assignment ID}: the number the Assignments page shows. */
    public static long assignmentId(String text) {
        try {
            long id = Long.parseLong(text.trim());
            if (id > 0) return id;
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("assignment '" + text + "' is not an assignment number (see the Assignments page)");
    }

    private static Optional<String> word(String[] words, int index) {
        return index < words.length ? Optional.of(words[index]) : Optional.empty();
    }
}
