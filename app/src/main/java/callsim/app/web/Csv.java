package callsim.app.web;

import callsim.app.store.DrillRow;
import java.util.List;
import java.util.Locale;

/** The drill list as RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they need it. */
final class Csv {
    static final String HEADER = "id,agent,agentKey,scenario,difficulty,startedAt,endedAt,status,outcome,score,passed";

    private Csv() {}

    static String of(List<DrillRow> rows) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (DrillRow r : rows) {
            out.append(field(r.id())).append(',')
                    .append(field(r.agent())).append(',')
                    .append(field(r.agentKey().orElse(""))).append(',')
                    .append(field(r.scenario())).append(',')
                    .append(field(r.difficulty())).append(',')
                    .append(r.startedAt()).append(',')
                    .append(r.endedAt().map(Object::toString).orElse("")).append(',')
                    .append(r.status().name().toLowerCase(Locale.ROOT)).append(',')
                    .append(field(r.outcome().orElse(""))).append(',')
                    .append(r.scoreTotal().map(String::valueOf).orElse("")).append(',')
                    .append(r.passed().map(String::valueOf).orElse(""))
                    .append("\r\n");
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
