package callsim.testkit.asterisk;

import java.util.Map;

/**
 * Event packets exactly as Asterisk 20 writes them: {@code Event}, {@code Privilege}, the fields in
 * Asterisk's order, CRLF line endings and a blank line at the end. Sources: main/manager.c (header,
 * OriginateResponse, FullyBooted) and main/manager_channels.c (Hold, Unhold, MusicOnHold*, DTMFEnd,
 * Hangup, Newchannel). Timestamp/SystemName lines only appear when manager.conf / asterisk.conf set
 * them, so they are left out like in a default install.
 */
public final class AmiEvents {
    private AmiEvents() {}

    /**
     * Any event: {@code privilege} is the Privilege line ("call,all", "system,all"), {@code fields}
     * name/value pairs in the order to write them.
     */
    public static String event(String name, String privilege, String... fields) {
        if (fields.length % 2 != 0) throw new IllegalArgumentException("fields must be name/value pairs");
        StringBuilder packet = new StringBuilder("Event: ").append(name).append("\r\n")
                .append("Privilege: ").append(privilege).append("\r\n");
        for (int i = 0; i < fields.length; i += 2) {
            packet.append(fields[i]).append(": ").append(fields[i + 1]).append("\r\n");
        }
        return packet.append("\r\n").toString();
    }

    /** channel_hold_cb: MusicClass only when the phone asked for one. */
    public static String hold(ChannelSnapshot channel, String musicClass) {
        String music = musicClass == null || musicClass.isEmpty() ? "" : "MusicClass: " + musicClass + "\r\n";
        return channelEvent("Hold", AmiPermissions.CALL, channel, music);
    }

    public static String unhold(ChannelSnapshot channel) {
        return channelEvent("Unhold", AmiPermissions.CALL, channel, "");
    }

    public static String musicOnHoldStart(ChannelSnapshot channel, String mohClass) {
        return channelEvent("MusicOnHoldStart", AmiPermissions.CALL, channel, "Class: " + mohClass + "\r\n");
    }

    public static String musicOnHoldStop(ChannelSnapshot channel) {
        return channelEvent("MusicOnHoldStop", AmiPermissions.CALL, channel, "");
    }

    /** channel_dtmf_end_cb; {@code direction} is "Received" (from the phone) or "Sent". */
    public static String dtmfEnd(ChannelSnapshot channel, char digit, long durationMs, String direction) {
        return channelEvent("DTMFEnd", AmiPermissions.DTMF, channel,
                "Digit: " + digit + "\r\nDurationMs: " + durationMs + "\r\nDirection: " + direction + "\r\n");
    }

    /** channel_state_change's Hangup: the channel block, then Cause and ast_cause2str's text. */
    public static String hangup(ChannelSnapshot channel, int cause) {
        return channelEvent("Hangup", AmiPermissions.CALL, channel,
                "Cause: " + cause + "\r\nCause-txt: " + causeText(cause) + "\r\n");
    }

    public static String newchannel(ChannelSnapshot channel) {
        return channelEvent("Newchannel", AmiPermissions.CALL, channel, "");
    }

    /**
     * fast_originate's event for an Originate with an Application. On failure Asterisk names the
     * requested device ({@code PJSIP/201}) and has no unique id; reason is the outgoing result
     * (4 answered, 5 busy, 3 no answer / timeout, 8 congestion, 0 failed).
     */
    public static String originateResponse(String actionId, boolean success, String channel, String application,
                                           String data, int reason, String uniqueId, String callerIdNum,
                                           String callerIdName) {
        StringBuilder packet = header("OriginateResponse", AmiPermissions.CALL);
        if (actionId != null && !actionId.isEmpty()) packet.append("ActionID: ").append(actionId).append("\r\n");
        return packet.append("Response: ").append(success ? "Success" : "Failure").append("\r\n")
                .append("Channel: ").append(channel).append("\r\n")
                .append("Application: ").append(application).append("\r\n")
                .append("Data: ").append(data).append("\r\n")
                .append("Reason: ").append(reason).append("\r\n")
                .append("Uniqueid: ").append(uniqueId == null ? "<unknown>" : uniqueId).append("\r\n")
                .append("CallerIDNum: ").append(orUnknown(callerIdNum)).append("\r\n")
                .append("CallerIDName: ").append(orUnknown(callerIdName)).append("\r\n")
                .append("\r\n").toString();
    }

    /** action_login's FullyBooted, sent right after "Authentication accepted" to users with system read. */
    public static String fullyBooted(long uptimeSeconds, long lastReloadSeconds) {
        return event("FullyBooted", AmiPermissions.privilege(AmiPermissions.SYSTEM), "Uptime", Long.toString(uptimeSeconds),
                "LastReload", Long.toString(lastReloadSeconds), "Status", "Fully Booted");
    }

    /** ast_cause2str() for the causes a drill meets; others read "Unknown". */
    public static String causeText(int cause) {
        return CAUSES.getOrDefault(cause, "Unknown");
    }

    private static final Map<Integer, String> CAUSES = Map.ofEntries(
            Map.entry(0, "Unknown"),
            Map.entry(1, "Unallocated (unassigned) number"),
            Map.entry(16, "Normal Clearing"),
            Map.entry(17, "User busy"),
            Map.entry(18, "No user responding"),
            Map.entry(19, "User alerting, no answer"),
            Map.entry(21, "Call Rejected"),
            Map.entry(27, "Destination out of order"),
            Map.entry(31, "Normal, unspecified"),
            Map.entry(34, "Circuit/channel congestion"),
            Map.entry(38, "Network out of order"),
            Map.entry(127, "Interworking, unspecified"));

    private static String channelEvent(String name, int category, ChannelSnapshot channel, String extra) {
        return header(name, category).append(channel.fields()).append(extra).append("\r\n").toString();
    }

    private static StringBuilder header(String name, int category) {
        return new StringBuilder("Event: ").append(name).append("\r\n")
                .append("Privilege: ").append(AmiPermissions.privilege(category)).append("\r\n");
    }

    private static String orUnknown(String value) {
        return value == null || value.isEmpty() ? "<unknown>" : value;
    }
}
