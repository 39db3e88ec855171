package callsim.app.chat;

/** A caller line that started on the virtual line at {@code startMs}, said at {@code anger} (0-100). */
public record CallerLine(long startMs, int utteranceId, String text, int anger) {}
