package callsim.testkit.asterisk;

import java.util.Objects;

/**
 * The channel fields Asterisk 20 puts at the start of every channel event
 * (ast_manager_build_channel_state_string_prefix in main/manager_channels.c), in that order.
 * Empty caller/connected-line fields are written as {@code <unknown>}, as Asterisk does.
 */
public record ChannelSnapshot(String channel, int state, String callerIdNum, String callerIdName,
                              String connectedLineNum, String connectedLineName, String language,
                              String accountCode, String context, String exten, int priority,
                              String uniqueId, String linkedId) {
    public ChannelSnapshot {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(linkedId, "linkedId");
    }

    /**
     * An answered agent channel such as {@code PJSIP/201-00000001}: caller id is the endpoint's number,
     * connected to the training caller, running an application from an Originate (context default).
     */
    public static ChannelSnapshot up(String channel, String uniqueId) {
        return new ChannelSnapshot(channel, 6, endpointNumber(channel), "<unknown>", "<unknown>", "<unknown>",
                "en", "", "default", "s", 1, uniqueId, uniqueId);
    }

    public ChannelSnapshot withState(int newState) {
        return new ChannelSnapshot(channel, newState, callerIdNum, callerIdName, connectedLineNum, connectedLineName,
                language, accountCode, context, exten, priority, uniqueId, linkedId);
    }

    public ChannelSnapshot withConnectedLine(String number, String name) {
        return new ChannelSnapshot(channel, state, callerIdNum, callerIdName, number, name,
                language, accountCode, context, exten, priority, uniqueId, linkedId);
    }

    /** ast_state2str(). */
    public String stateDesc() {
        return switch (state) {
            case 0 -> "Down";
            case 1 -> "Rsrvd";
            case 2 -> "OffHook";
            case 3 -> "Dialing";
            case 4 -> "Ring";
            case 5 -> "Ringing";
            case 6 -> "Up";
            case 7 -> "Busy";
            case 8 -> "Dialing Offhook";
            case 9 -> "Pre-ring";
            default -> "Unknown (" + state + ")";
        };
    }

    /** The header block, each line ending in CRLF. */
    String fields() {
        return "Channel: " + channel + "\r\n"
                + "ChannelState: " + state + "\r\n"
                + "ChannelStateDesc: " + stateDesc() + "\r\n"
                + "CallerIDNum: " + orUnknown(callerIdNum) + "\r\n"
                + "CallerIDName: " + orUnknown(callerIdName) + "\r\n"
                + "ConnectedLineNum: " + orUnknown(connectedLineNum) + "\r\n"
                + "ConnectedLineName: " + orUnknown(connectedLineName) + "\r\n"
                + "Language: " + language + "\r\n"
                + "AccountCode: " + accountCode + "\r\n"
                + "Context: " + context + "\r\n"
                + "Exten: " + exten + "\r\n"
                + "Priority: " + priority + "\r\n"
                + "Uniqueid: " + uniqueId + "\r\n"
                + "Linkedid: " + linkedId + "\r\n";
    }

    private static String orUnknown(String value) {
        return value == null || value.isEmpty() ? "<unknown>" : value;
    }

    /** "PJSIP/201-00000001" → "201". */
    private static String endpointNumber(String channel) {
        int slash = channel.indexOf('/');
        String resource = slash < 0 ? channel : channel.substring(slash + 1);
        int dash = resource.lastIndexOf('-');
        return dash > 0 ? resource.substring(0, dash) : resource;
    }
}
