package callsim.testkit.asterisk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reading AMI packets and writing responses the way main/manager.c does. */
final class AmiWire {
    /** One packet: its header lines (a line without a colon keeps its text as the name) and raw text. */
    record Packet(List<AmiHeader> headers, String raw) {
        /** The first non-empty value of a header, or "" (Asterisk's astman_get_header, case-insensitive). */
        String get(String name) {
            for (AmiHeader header : headers) {
                if (header.name().equalsIgnoreCase(name) && !header.value().isEmpty()) return header.value();
            }
            return "";
        }
    }

    private AmiWire() {}

    /**
     * Reads up to a blank line. Like get_input(), accepts CRLF or a bare LF. Returns null at end of
     * stream; a lone blank line gives an empty packet, which Asterisk answers with an error.
     */
    static Packet read(InputStream in) throws IOException {
        List<AmiHeader> headers = new ArrayList<>();
        StringBuilder raw = new StringBuilder();
        while (true) {
            String line = readLine(in);
            if (line == null) return null;
            raw.append(line);
            String text = line.endsWith("\r\n") ? line.substring(0, line.length() - 2)
                    : line.substring(0, line.length() - 1);
            if (text.isEmpty()) return new Packet(headers, raw.toString());
            int colon = text.indexOf(':');
            if (colon < 0) {
                headers.add(new AmiHeader(text, ""));
            } else {
                headers.add(new AmiHeader(text.substring(0, colon), stripLeadingBlanks(text.substring(colon + 1))));
            }
        }
    }

    /** astman_send_response_full(): Response, ActionID when the action had one, Message when given. */
    static String response(String response, String actionId, String message) {
        StringBuilder packet = new StringBuilder("Response: ").append(response).append("\r\n");
        appendActionId(packet, actionId);
        if (message != null) packet.append("Message: ").append(message).append("\r\n");
        return packet.append("\r\n").toString();
    }

    /** astman_start_ack(): the first lines of a Success response that goes on with more fields. */
    static StringBuilder startAck(String actionId) {
        StringBuilder packet = new StringBuilder("Response: Success\r\n");
        appendActionId(packet, actionId);
        return packet;
    }

    private static void appendActionId(StringBuilder packet, String actionId) {
        if (actionId != null && !actionId.isEmpty()) packet.append("ActionID: ").append(actionId).append("\r\n");
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(80);
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') return line.toString(StandardCharsets.UTF_8);
            if (line.size() > 64 * 1024) throw new IOException("AMI line longer than 64 KiB");
        }
        return null;
    }

    private static String stripLeadingBlanks(String value) {
        int i = 0;
        while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) i++;
        return value.substring(i);
    }
}
