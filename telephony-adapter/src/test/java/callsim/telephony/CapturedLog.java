package callsim.telephony;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The records logged under some loggers while a test runs (System.Logger and Asterisk-Java's slf4j both
 * end up in java.util.logging). {@link #everyLevel} also turns those loggers up to every level, so a
 * test can prove something is never logged at any level; their levels are restored on close.
 */
public final class CapturedLog extends Handler implements AutoCloseable {
    private final List<Logger> loggers = new ArrayList<>();
    private final List<Level> previousLevels = new ArrayList<>();
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final boolean raised;

    /** Captures what these loggers let through at their usual levels. */
    public CapturedLog(String... loggerNames) {
        this(false, loggerNames);
    }

    /** Captures every level of these loggers, debug included. */
    public static CapturedLog everyLevel(String... loggerNames) {
        return new CapturedLog(true, loggerNames);
    }

    private CapturedLog(boolean raise, String... loggerNames) {
        this.raised = raise;
        setLevel(Level.ALL);
        for (String name : loggerNames) {
            Logger logger = Logger.getLogger(name);
            loggers.add(logger);
            previousLevels.add(logger.getLevel());
            if (raise) logger.setLevel(Level.ALL);
            logger.addHandler(this);
        }
    }

    /** Formatted messages at {@code level} or above. */
    public List<String> messages(Level level) {
        return records.stream().filter(r -> r.getLevel().intValue() >= level.intValue()).map(CapturedLog::message).toList();
    }

    /** Formatted messages at exactly {@code level}. */
    public List<String> messagesAt(Level level) {
        return records.stream().filter(r -> r.getLevel().equals(level)).map(CapturedLog::message).toList();
    }

    public List<String> warnings() {
        return messages(Level.WARNING);
    }

    public List<String> warningsContaining(String text) {
        return warnings().stream().filter(line -> line.contains(text)).toList();
    }

    /** Every captured message containing {@code text}, whatever its level. */
    public List<String> containing(String text) {
        return messages(Level.ALL).stream().filter(line -> line.contains(text)).toList();
    }

    /** Each record in full: "LEVEL logger: message" and the stack trace of its throwable. */
    public List<String> lines() {
        return linesAtLeast(Level.ALL);
    }

    public List<String> linesAtLeast(Level level) {
        return records.stream().filter(r -> r.getLevel().intValue() >= level.intValue()).map(CapturedLog::render).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).removeHandler(this);
            if (raised) loggers.get(i).setLevel(previousLevels.get(i));
        }
    }

    private static String message(LogRecord record) {
        return new SimpleFormatter().formatMessage(record);
    }

    private static String render(LogRecord record) {
        StringBuilder text = new StringBuilder(record.getLevel() + " " + record.getLoggerName() + ": " + message(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            text.append('\n').append(trace);
        }
        return text.toString();
    }
}
