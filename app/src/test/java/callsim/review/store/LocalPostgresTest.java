package callsim.review.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class LocalPostgresTest {
    @Test
    void keepsItsDataAndPortAcrossAStopAndStart() throws Exception {
        try (LocalPostgres pg = LocalPostgres.create()) {
            String url = pg.createDatabase();
            try (Connection c = DriverManager.getConnection(url, LocalPostgres.USER, ""); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (v INTEGER)");
                s.execute("INSERT INTO kept VALUES (7)");
            }
            pg.stop();
            assertThatThrownBy(() -> DriverManager.getConnection(url, LocalPostgres.USER, "").close())
                    .isInstanceOf(SQLException.class);
            pg.start();
            try (Connection c = DriverManager.getConnection(url, LocalPostgres.USER, ""); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(7);
            }
        }
    }
}
