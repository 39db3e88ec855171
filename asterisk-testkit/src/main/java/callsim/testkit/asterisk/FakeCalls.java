package callsim.testkit.asterisk;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The channel side of the fake PBX: names and unique ids like Asterisk's, the channels that exist
 * (so Hangup can answer "No such channel"), and action_originate()/fast_originate().
 */
final class FakeCalls {
    private static final Pattern NAME_AND_NUMBER = Pattern.compile("^\\s*\"?([^\"<]*?)\"?\\s*<([^>]*)>\\s*$");

    private final FakeAmiServer server;
    private final long epochSeconds = Instant.now().getEpochSecond();
    private final AtomicInteger channelSeq = new AtomicInteger();
    private final AtomicInteger uniqueSeq = new AtomicInteger();
    private final Set<String> liveChannels = ConcurrentHashMap.newKeySet();
    private volatile Integer autoOutcome; // null: no OriginateResponse; 4: answered; else the failure reason
    private volatile String originateError;

    FakeCalls(FakeAmiServer server) {
        this.server = server;
    }

    /** "PJSIP/201" → "PJSIP/201-00000001": the device plus Asterisk's 8-hex-digit channel counter. */
    String nextChannelName(String device) {
        return String.format(Locale.ROOT, "%s-%08x", device, channelSeq.incrementAndGet());
    }

    /** "1732312345.1": creation time in seconds, a dot, a counter (ast_channel_alloc's uniqueid). */
    String nextUniqueId() {
        return epochSeconds + "." + uniqueSeq.incrementAndGet();
    }

    void channelSeen(String channel) {
        liveChannels.add(channel);
    }

    void channelGone(String channel) {
        liveChannels.remove(channel);
    }

    void autoOutcome(Integer reason) {
        this.autoOutcome = reason;
    }

    void originateError(String message) {
        this.originateError = message;
    }

    /** action_originate(): the checks Asterisk makes before it queues the call, then the outcome. */
    void originate(FakeAmiSession session, AmiWire.Packet packet, String actionId) throws IOException {
        String channel = packet.get("Channel");
        String timeout = packet.get("Timeout");
        if (channel.isEmpty()) {
            session.reply(AmiWire.response("Error", actionId, "Channel not specified"));
            return;
        }
        if (!timeout.isEmpty() && !timeout.trim().matches("[-+]?\\d+.*")) {
            session.reply(AmiWire.response("Error", actionId, "Invalid timeout"));
            return;
        }
        if (channel.indexOf('/') < 0) {
            session.reply(AmiWire.response("Error", actionId, "Invalid channel"));
            return;
        }
        String error = originateError;
        if (error != null) {
            session.reply(AmiWire.response("Error", actionId, error));
            return;
        }
        Integer outcome = autoOutcome;
        boolean async = isTrue(packet.get("Async"));
        if (!async && (outcome == null || outcome != 4)) {
            // a synchronous Originate waits for the phone; without a scripted answer it fails
            session.reply(AmiWire.response("Error", actionId, "Originate failed"));
            return;
        }
        session.reply(AmiWire.response("Success", actionId, "Originate successfully queued"));
        if (async && outcome != null) answer(packet, actionId, channel, outcome);
    }

    /** fast_originate(): Newchannel for the ringing phone, then OriginateResponse to every session. */
    private void answer(AmiWire.Packet packet, String actionId, String device, int reason) {
        String[] callerId = parseCallerId(packet.get("CallerID"));
        String application = packet.get("Application");
        String data = packet.get("Data");
        if (reason != 4) {
            server.broadcast(AmiEvents.originateResponse(actionId, false, device, application, data, reason,
                    null, callerId[0], callerId[1]));
            return;
        }
        String name = nextChannelName(device);
        String uniqueId = nextUniqueId();
        ChannelSnapshot snapshot = ChannelSnapshot.up(name, uniqueId).withState(0)
                .withConnectedLine(callerId[0], callerId[1]);
        liveChannels.add(name);
        server.broadcast(AmiEvents.newchannel(snapshot));
        server.broadcast(AmiEvents.originateResponse(actionId, true, name, application, data, 4,
                uniqueId, callerId[0], callerId[1]));
    }

    /** ast_manager_hangup_helper() for an exact channel name. */
    String hangupAction(String channel, String actionId) {
        if (channel.isEmpty()) return AmiWire.response("Error", actionId, "No channel specified");
        if (!liveChannels.remove(channel)) return AmiWire.response("Error", actionId, "No such channel");
        return AmiWire.response("Success", actionId, "Channel Hungup");
    }

    /** ast_callerid_parse(): {number, name}; "\"Training caller\" <7000>" → {"7000", "Training caller"}. */
    static String[] parseCallerId(String callerId) {
        Matcher m = NAME_AND_NUMBER.matcher(callerId);
        if (m.matches()) return new String[] {m.group(2).trim(), m.group(1).trim()};
        String trimmed = callerId.trim();
        if (trimmed.matches("[0-9+*#()\\- ]+")) return new String[] {trimmed.replaceAll("[()\\- ]", ""), ""};
        return new String[] {"", trimmed.replace("\"", "")};
    }

    /** ast_true(). */
    private static boolean isTrue(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "y", "t", "1", "on" -> true;
            default -> false;
        };
    }
}
