package callsim.review.store;

import callsim.review.report.DrillReport;
import callsim.review.report.EffectiveScore;
import callsim.review.report.ReportMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** The review store on the replicated tables (see {@link JournalReplicator}); PostgreSQL or embedded H2. */
public final class JdbcDrillStore implements DrillStore {
    public static final int MAX_PAGE_SIZE = 1000;
    private static final int SAMPLE_RATE = 8000;
    private static final String ROW_COLUMNS =
            "id, agent, agent_key, scenario, difficulty, started_at, ended_at, status, outcome, score_total, passed,"
            + " override_total, override_passed, post_call";
    /** The score counting supervisors' overrides (see {@link #override}). */
    private static final String SCORE = "COALESCE(override_total, score_total)";

    private final Database database;
    private final DataSource db;
    private final String description;
    private final Clock clock;

    public JdbcDrillStore(Database db, Clock clock) {
        this.database = db;
        this.db = db.dataSource();
        this.description = db.description();
        this.clock = clock;
    }

    @Override
    public Page<DrillRow> list(DrillFilter filter, int page, int size) {
        if (page < 0) throw new IllegalArgumentException("page must be 0 or more, not " + page);
        if (size < 1 || size > MAX_PAGE_SIZE) throw new IllegalArgumentException("page size must be 1 to " + MAX_PAGE_SIZE + ", not " + size);
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return query(c -> {
            long total;
            try (PreparedStatement count = prepare(c, "SELECT COUNT(*) FROM drills" + where, params);
                 ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            List<Object> pageParams = new ArrayList<>(params);
            pageParams.add(size);
            pageParams.add((long) page * size);
            List<DrillRow> rows = new ArrayList<>();
            try (PreparedStatement select = prepare(c, "SELECT " + ROW_COLUMNS + " FROM drills" + where
                    + " ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?", pageParams);
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) rows.add(row(rs));
            }
            return new Page<>(rows, page, size, total);
        });
    }

    /** The WHERE clause for {@code filter}; its values go to {@code params} in order. */
    static String where(DrillFilter filter, List<Object> params) {
        List<String> terms = new ArrayList<>();
        filter.agent().filter(a -> !a.isBlank()).ifPresent(a -> {
            String like = "%" + a.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            List<String> any = new ArrayList<>(List.of("LOWER(agent) LIKE ? ESCAPE '\\'", "agent_key = ?"));
            params.add(like);
            params.add(a.trim());
            if (!filter.agentNamed().isEmpty()) {
                any.add(in("agent_key", filter.agentNamed().size()));
                params.addAll(filter.agentNamed());
            }
            terms.add("(" + String.join(" OR ", any) + ")");
        });
        filter.scenario().filter(s -> !s.isBlank()).ifPresent(s -> {
            List<String> ids = new ArrayList<>(filter.scenarioIds());
            if (!ids.contains(s.trim())) ids.add(s.trim());
            terms.add(in("scenario", ids.size()));
            params.addAll(ids);
        });
        filter.difficulty().ifPresent(d -> equal(terms, params, "difficulty", d.toLowerCase(Locale.ROOT)));
        filter.outcome().ifPresent(o -> equal(terms, params, "outcome", o.toLowerCase(Locale.ROOT)));
        filter.from().ifPresent(from -> {
            terms.add("started_at >= ?");
            params.add(DrillRows.utc(from));
        });
        filter.to().ifPresent(to -> {
            terms.add("started_at < ?");
            params.add(DrillRows.utc(to));
        });
        filter.minScore().ifPresent(min -> {
            terms.add(SCORE + " >= ?");
            params.add(min);
        });
        filter.maxScore().ifPresent(max -> {
            terms.add(SCORE + " <= ?");
            params.add(max);
        });
        filter.agentKeys().ifPresent(keys -> {
            if (keys.isEmpty()) {
                terms.add("1 = 0");  // may see no agent's drills
            } else {
                terms.add(in("agent_key", keys.size()));
                params.addAll(Set.copyOf(keys));
            }
        });
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

    private static String in(String column, int count) {
        return column + " IN (" + String.join(", ", java.util.Collections.nCopies(count, "?")) + ")";
    }

    private static void equal(List<String> terms, List<Object> params, String column, String value) {
        terms.add(column + " = ?");
        params.add(value);
    }

    @Override
    public Optional<DrillRow> row(String id) {
        return query(c -> row(c, id));
    }

    @Override
    public Optional<DrillReport> report(String id) {
        return query(c -> reportOf(c, id));
    }

    private Optional<DrillReport> reportOf(Connection c, String id) throws SQLException {
        try (PreparedStatement s = prepare(c, "SELECT report FROM drills WHERE id = ?", List.of(id));
             ResultSet rs = s.executeQuery()) {
            if (!rs.next()) return Optional.empty();
            try {
                return Optional.of(ReportMapper.read(rs.getString(1)));
            } catch (IOException e) {
                throw new StoreUnavailableException("drill " + id + ": the stored report is not a drill report: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public Optional<Recording> recording(String id) {
        return query(c -> {
            if (row(c, id).isEmpty()) return Optional.empty();
            long pcm;
            try (PreparedStatement s = prepare(c, "SELECT COALESCE(SUM(OCTET_LENGTH(pcm)), 0) FROM drill_audio WHERE drill_id = ?", List.of(id));
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                pcm = rs.getLong(1);
            }
            long length = DrillCopier.WAV_HEADER_BYTES + pcm;
            return Optional.of(new Recording() {
                @Override
                public long length() {
                    return length;
                }

                @Override
                public InputStream open() {
                    return new AudioStream(id, pcm);
                }
            });
        });
    }

    /**
     * The WAV as a stream over the stored chunks: a 44-byte header made for the stored length, then the PCM,
     * fetched one chunk at a time where it is read. Skipping moves the position only, so a range read costs
     * the chunks it covers and no more.
     */
    private final class AudioStream extends InputStream {
        private final String id;
        private final long pcmBytes;
        private final byte[] header;
        private long position;
        private long chunkOffset = -1;
        private byte[] chunk = new byte[0];

        AudioStream(String id, long pcmBytes) {
            this.id = id;
            this.pcmBytes = pcmBytes;
            ByteBuffer b = ByteBuffer.allocate(DrillCopier.WAV_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            putStereoHeader(b, (int) Math.min(Integer.MAX_VALUE - 36, pcmBytes));
            this.header = b.array();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            if (len == 0) return 0;
            if (position >= header.length + pcmBytes) return -1;
            if (position < header.length) {
                int n = (int) Math.min(len, header.length - position);
                System.arraycopy(header, (int) position, buffer, off, n);
                position += n;
                return n;
            }
            long at = position - header.length;
            if (chunkOffset < 0 || at < chunkOffset || at >= chunkOffset + chunk.length) load(at);
            if (at >= chunkOffset + chunk.length) return -1;  // a gap: stop where the stored audio stops
            int n = (int) Math.min(len, chunkOffset + chunk.length - at);
            System.arraycopy(chunk, (int) (at - chunkOffset), buffer, off, n);
            position += n;
            return n;
        }

        @Override
        public long skip(long n) {
            long skipped = Math.max(0, Math.min(n, header.length + pcmBytes - position));
            position += skipped;
            return skipped;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, header.length + pcmBytes - position);
        }

        private void load(long at) throws IOException {
            try {
                query(c -> {
                    try (PreparedStatement s = prepare(c, "SELECT offset_bytes, pcm FROM drill_audio WHERE drill_id = ? AND offset_bytes <= ?"
                            + " ORDER BY offset_bytes DESC LIMIT 1", List.of(id, at));
                         ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            chunkOffset = rs.getLong(1);
                            chunk = rs.getBytes(2);
                        } else {
                            chunkOffset = at;
                            chunk = new byte[0];
                        }
                    }
                    return null;
                });
            } catch (StoreUnavailableException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }

    private Optional<DrillRow> row(Connection c, String id) throws SQLException {
        try (PreparedStatement s = prepare(c, "SELECT " + ROW_COLUMNS + " FROM drills WHERE id = ?", List.of(id));
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(row(rs)) : Optional.empty();
        }
    }

    /** A canonical 44-byte header: PCM, 2 channels, 16-bit, 8 kHz. */
    private static void putStereoHeader(ByteBuffer b, int dataBytes) {
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 2)
                .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 4).putShort((short) 4).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
    }

    @Override
    public List<ScoreOverride> overrides(String drillId) {
        return query(c -> {
            List<ScoreOverride> list = new ArrayList<>();
            try (PreparedStatement s = prepare(c, "SELECT id, drill_id, technique_id, score, reason, overridden_by, overridden_at"
                    + " FROM score_overrides WHERE drill_id = ? ORDER BY overridden_at, id", List.of(drillId));
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    list.add(new ScoreOverride(rs.getLong("id"), rs.getString("drill_id"), rs.getString("technique_id"),
                            rs.getInt("score"), rs.getString("reason"), rs.getString("overridden_by"),
                            DrillRows.instant(rs, "overridden_at")));
                }
            }
            return list;
        });
    }

    @Override
    public ScoreOverride override(String drillId, String techniqueId, int score, String reason, String overriddenBy) {
        if (score < 0 || score > 100) throw new IllegalArgumentException("score must be 0 to 100, not " + score);
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) throw new IllegalArgumentException("a score override needs a reason");
        if (why.length() > 2000) throw new IllegalArgumentException("the reason is too long (" + why.length() + " characters; at most 2000)");
        if (overriddenBy == null || overriddenBy.isBlank()) throw new IllegalArgumentException("a score override needs who made it");
        String by = DrillRows.cut(overriddenBy.trim(), 100);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);  // what both databases keep
        return query(c -> {
            DrillReport report = reportOf(c, drillId)
                    .orElseThrow(() -> new IllegalArgumentException("no drill '" + drillId + "'"));
            List<String> ids = report.score().techniques().stream().map(DrillReport.Technique::id).toList();
            if (techniqueId == null || !ids.contains(techniqueId)) {
                throw new IllegalArgumentException("drill " + drillId + " has no technique '" + techniqueId + "' (it has "
                        + (ids.isEmpty() ? "none" : String.join(", ", ids)) + ")");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO score_overrides (drill_id, technique_id, score, reason,"
                    + " overridden_by, overridden_at) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
                s.setString(1, drillId);
                s.setString(2, techniqueId);
                s.setInt(3, score);
                s.setString(4, why);
                s.setString(5, by);
                s.setObject(6, DrillRows.utc(at));
                s.executeUpdate();
                ScoreOverride made;
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    made = new ScoreOverride(keys.getLong(1), drillId, techniqueId, score, why, by, at);
                }
                recount(c, drillId, report);
                return made;
            }
        });
    }

    /** Stores the score after all the drill's overrides beside the automatic one, for lists, filters and exports. */
    private void recount(Connection c, String drillId, DrillReport report) throws SQLException {
        List<EffectiveScore.Change> changes = new ArrayList<>();
        try (PreparedStatement s = prepare(c, "SELECT id, technique_id, score FROM score_overrides WHERE drill_id = ?", List.of(drillId));
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) changes.add(new EffectiveScore.Change(rs.getString(2), rs.getInt(3), rs.getLong(1)));
        }
        EffectiveScore effective = EffectiveScore.of(report.score(), report.outcome(), changes);
        try (PreparedStatement s = prepare(c, "UPDATE drills SET override_total = ?, override_passed = ? WHERE id = ?",
                List.of(effective.total(), effective.passed(), drillId))) {
            s.executeUpdate();
        }
    }

    private static DrillRow row(ResultSet rs) throws SQLException {
        Integer total = rs.getObject("score_total", Integer.class);
        Boolean passed = rs.getObject("passed", Boolean.class);
        Integer overrideTotal = rs.getObject("override_total", Integer.class);
        Boolean overridePassed = rs.getObject("override_passed", Boolean.class);
        boolean overridden = overrideTotal != null;
        return new DrillRow(rs.getString("id"), rs.getString("agent"), Optional.ofNullable(rs.getString("agent_key")),
                rs.getString("scenario"), rs.getString("difficulty"), DrillRows.instant(rs, "started_at"),
                Optional.ofNullable(DrillRows.instant(rs, "ended_at")),
                DrillStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), Optional.ofNullable(rs.getString("outcome")),
                Optional.ofNullable(overridden ? overrideTotal : total), Optional.ofNullable(overridden ? overridePassed : passed),
                Optional.ofNullable(total), overridden, Optional.ofNullable(rs.getString("post_call")));
    }

    private static PreparedStatement prepare(Connection c, String sql, List<?> params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.size(); i++) s.setObject(i + 1, params.get(i));
        } catch (SQLException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T query(Work<T> work) {
        try {
            database.ensureMigrated();  // a server that was down at start-up gets its schema on first use
            try (Connection c = db.getConnection()) {
                return work.run(c);
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("database " + description + ": " + Problems.describe(e), e);
        }
    }
}
