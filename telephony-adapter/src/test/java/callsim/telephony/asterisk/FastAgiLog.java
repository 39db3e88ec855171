package callsim.telephony.asterisk;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Collects the INFO-and-above lines logged under this package (System.Logger goes to java.util.logging). */
final class FastAgiLog extends Handler implements AutoCloseable {
    /** One formatted line and its level. */
    record Line(Level level, String text) {}

    private final Logger logger = Logger.getLogger("callsim.telephony.asterisk");
    private final List<Line> lines = new CopyOnWriteArrayList<>();

    FastAgiLog() {
        logger.addHandler(this);
    }

    List<String> containing(String text) {
        return lines.stream().map(Line::text).filter(t -> t.contains(text)).toList();
    }

    List<String> warnings() {
        return lines.stream().filter(l -> l.level().intValue() >= Level.WARNING.intValue()).map(Line::text).toList();
    }

    List<String> info() {
        return lines.stream().filter(l -> l.level() == Level.INFO).map(Line::text).toList();
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.INFO.intValue()) {
            lines.add(new Line(record.getLevel(), new SimpleFormatter().formatMessage(record)));
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
