package callsim.review.web;

import callsim.review.store.DrillRow;
import callsim.review.store.DrillStatus;
import java.util.List;
import java.util.Locale;

/**
 * The drill list as RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they need it. The score
 * counts supervisors' overrides, {@code automaticScore} is the pipeline's; {@code scoreProvisional} is true while a
 * phone drill's score is the live recognition's and its post-call transcript is still to come, {@code postCall} that
 * pass's state (pending, done, failed; empty without one); T1..T14 are each technique's score (empty where it did not apply).
 */
final class Csv {
    static final String HEADER = "id,agent,agentName,agentKey,scenario,scenarioTitle,difficulty,startedAt,endedAt,durationSeconds,"
            + "status,outcome,score,passed,automaticScore,overrides,scoreProvisional,postCall";
    static final int TECHNIQUES = 14;

    private Csv() {}

    static String of(List<Exports.Line> lines, Names names) {
        StringBuilder out = new StringBuilder(HEADER);
        for (int t = 1; t <= TECHNIQUES; t++) out.append(",T").append(t);
        out.append("\r\n");
        for (Exports.Line line : lines) {
            DrillRow r = line.row();
            boolean running = r.status() == DrillStatus.RUNNING;
            out.append(field(r.id())).append(',')
                    .append(field(r.agent())).append(',')
                    .append(field(names.agent(r))).append(',')
                    .append(field(r.agentKey().orElse(""))).append(',')
                    .append(field(r.scenario())).append(',')
                    .append(field(names.scenario(r.scenario()))).append(',')
                    .append(field(r.difficulty())).append(',')
                    .append(r.startedAt()).append(',')
                    .append(r.endedAt().map(Object::toString).orElse("")).append(',')
                    .append(line.durationMs().map(ms -> String.format(Locale.ROOT, "%.1f", ms / 1000.0)).orElse("")).append(',')
                    .append(r.status().name().toLowerCase(Locale.ROOT)).append(',')
                    .append(field(r.outcome().orElse(""))).append(',')
                    .append(running ? "" : r.scoreTotal().map(String::valueOf).orElse("")).append(',')
                    .append(running ? "" : r.passed().map(String::valueOf).orElse("")).append(',')
                    .append(running ? "" : r.automaticScore().map(String::valueOf).orElse("")).append(',')
                    .append(line.overrides().size()).append(',')
                    .append(running ? "" : String.valueOf(r.scoreProvisional())).append(',')
                    .append(field(r.postCall().orElse("")));
            for (int t = 1; t <= TECHNIQUES; t++) {
                Integer score = line.techniques().get("T" + t);
                out.append(',').append(score == null ? "" : score.toString());
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /**
     * Quotes a text field when it holds a comma, quote or line break, and defuses a leading = + - @
     * (a spreadsheet would run it as a formula: agent names come from the phone line).
     */
    static String field(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) return v;
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
