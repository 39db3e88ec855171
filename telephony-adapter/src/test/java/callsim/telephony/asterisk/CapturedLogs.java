package callsim.telephony.asterisk;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every java.util.logging record of callsim and Asterisk-Java (which logs through slf4j-jdk14),
 * at every level, as text: level, logger, formatted message and any stack trace.
 */
final class CapturedLogs extends Handler implements AutoCloseable {
    private static final String[] LOGGERS = {"callsim", "org.asteriskjava"};
    final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final List<Level> previousLevels = new ArrayList<>();

    CapturedLogs() {
        setLevel(Level.ALL);
        for (String name : LOGGERS) {
            Logger logger = Logger.getLogger(name);
            previousLevels.add(logger.getLevel());
            logger.setLevel(Level.ALL);
            logger.addHandler(this);
        }
    }

    /** Each record as one text: "LEVEL logger: message" plus the stack trace of its throwable. */
    List<String> lines() {
        return records.stream().map(CapturedLogs::render).toList();
    }

    List<String> linesAtLeast(Level level) {
        return records.stream().filter(r -> r.getLevel().intValue() >= level.intValue()).map(CapturedLogs::render).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        for (int i = 0; i < LOGGERS.length; i++) {
            Logger logger = Logger.getLogger(LOGGERS[i]);
            logger.removeHandler(this);
            logger.setLevel(previousLevels.get(i));
        }
    }

    private static String render(LogRecord record) {
        StringBuilder text = new StringBuilder(record.getLevel() + " " + record.getLoggerName() + ": "
                + new java.util.logging.SimpleFormatter().formatMessage(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            text.append('\n').append(trace);
        }
        return text.toString();
    }
}
