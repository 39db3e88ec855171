package callsim.review.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The one Jackson set-up for report.json: instants as ISO-8601 text, fields a newer writer added are ignored. */
public final class ReportMapper {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule()).registerModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ReportMapper() {}

    public static DrillReport read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), DrillReport.class);
    }

    public static DrillReport read(String json) throws IOException {
        return MAPPER.readValue(json, DrillReport.class);
    }

    /** @throws IllegalArgumentException when the tree is not a drill report */
    public static DrillReport read(JsonNode json) {
        try {
            return MAPPER.treeToValue(json, DrillReport.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a drill report: " + e.getMessage(), e);
        }
    }

    /** The report as the JSON tree a reader of report.json gets (numbers typed as parsed, so trees compare equal). */
    public static JsonNode tree(DrillReport report) {
        try {
            return MAPPER.readTree(MAPPER.writeValueAsBytes(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(DrillReport report) {
        try {
            return MAPPER.writeValueAsBytes(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
