package callsim.testkit.asterisk;

/** The answers to what Asterisk-Java asks right after login to learn the Asterisk version. */
final class FakeSystemActions {
    private FakeSystemActions() {}

    /** action_coresettings() as in Asterisk 20 (SoundsSearchCustomDir included). */
    static String coreSettings(String actionId, String amiVersion, String asteriskVersion) {
        return AmiWire.startAck(actionId)
                .append("AMIversion: ").append(amiVersion).append("\r\n")
                .append("AsteriskVersion: ").append(asteriskVersion).append("\r\n")
                .append("SystemName: \r\n")
                .append("CoreMaxCalls: 0\r\n")
                .append("CoreMaxLoadAvg: 0.000000\r\n")
                .append("CoreRunUser: asterisk\r\n")
                .append("CoreRunGroup: asterisk\r\n")
                .append("CoreMaxFilehandles: 0\r\n")
                .append("CoreRealTimeEnabled: No\r\n")
                .append("CoreCDRenabled: Yes\r\n")
                .append("CoreHTTPenabled: No\r\n")
                .append("SoundsSearchCustomDir: No\r\n")
                .append("\r\n").toString();
    }

    /** action_command(): only "core show version" is known here; anything else is a CLI error. */
    static String command(String command, String actionId, String asteriskVersion) {
        if (command.isEmpty()) return AmiWire.response("Error", actionId, "No command provided");
        boolean known = command.trim().equalsIgnoreCase("core show version");
        String output = known
                ? "Asterisk " + asteriskVersion + " built by asterisk @ buildhost on a x86_64 running Linux on 2024-01-01 00:00:00 UTC"
                : "No such command '" + command + "' (type 'core show help " + command + "' for other possible commands)";
        StringBuilder packet = new StringBuilder("Response: ").append(known ? "Success" : "Error").append("\r\n");
        if (!actionId.isEmpty()) packet.append("ActionID: ").append(actionId).append("\r\n");
        return packet.append("Message: Command output follows\r\n")
                .append("Output: ").append(output).append("\r\n\r\n").toString();
    }
}
