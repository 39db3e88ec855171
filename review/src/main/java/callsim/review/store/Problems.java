package callsim.review.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/** Tells a lost or refused connection (retry later, for every drill) from a statement that failed (this drill's problem). */
final class Problems {
    private Problems() {}

    static boolean isConnection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof java.io.IOException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P01-57P03: the server is shutting down, crashed or starting up
                if (state.startsWith("08") || state.startsWith("57P")) return true;
            }
        }
        return false;
    }

    /** What went wrong, in the driver's words: the pool's "connection is not available" hides why (refused, unknown host...). */
    static String describe(Throwable e) {
        if (e instanceof SQLTransientConnectionException && e.getCause() != null && e.getCause().getMessage() != null) {
            return e.getCause().getMessage();
        }
        return e.getMessage();
    }
}
