package callsim.review.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A data directory and a migrated database per test; subclasses say which database. */
abstract class StoreTestBase {
    @TempDir
    Path data;
    Database db;

    /** Opens the test's database (the same one each time within a test) for {@code dataDir}. */
    abstract Database open(Path dataDir) throws Exception;

    @BeforeEach
    void openDatabase() throws Exception {
        db = open(data);
    }

    @AfterEach
    void closeDatabase() {
        if (db != null) db.close();
    }

    List<String> bodies(String id) throws SQLException {
        return strings("SELECT body FROM drill_events WHERE drill_id = ? ORDER BY seq", id);
    }

    List<String> seqs(String id) throws SQLException {
        return strings("SELECT seq FROM drill_events WHERE drill_id = ? ORDER BY seq", id);
    }

    /** The drill row's status, or null when there is no row. */
    String status(String id) throws SQLException {
        List<String> s = strings("SELECT status FROM drills WHERE id = ?", id);
        return s.isEmpty() ? null : s.get(0);
    }

    long eventsSynced(String id) throws SQLException {
        return Long.parseLong(strings("SELECT events_synced FROM drills WHERE id = ?", id).get(0));
    }

    long audioBytes(String id) throws SQLException {
        long total = 0;
        for (String n : strings("SELECT OCTET_LENGTH(pcm) FROM drill_audio WHERE drill_id = ?", id)) total += Long.parseLong(n);
        return total;
    }

    int audioChunks(String id) throws SQLException {
        return strings("SELECT offset_bytes FROM drill_audio WHERE drill_id = ?", id).size();
    }

    List<String> strings(String sql, String id) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rs.next()) values.add(rs.getString(1));
                return values;
            }
        }
    }
}
