package callsim.telephony.audiosocket;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects the warning lines logged under this package (System.Logger goes to java.util.logging by default). */
final class CapturedWarnings extends Handler implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger("callsim.telephony.audiosocket");

    CapturedWarnings() {
        logger.addHandler(this);
    }

    List<String> containing(String text) {
        return lines.stream().filter(line -> line.contains(text)).toList();
    }

    List<String> all() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            lines.add(new java.util.logging.SimpleFormatter().formatMessage(record));
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
