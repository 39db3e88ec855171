package callsim.review.web.view;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A moment as the pages show it: UTC text that the browser's script rewrites in the viewer's time zone. */
public record When(String iso, String utc) {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public static When of(Instant instant) {
        return new When(instant.toString(), UTC.format(instant));
    }
}
