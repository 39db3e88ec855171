package callsim.app.asterisk;

import callsim.telephony.asterisk.OriginateResult;
import callsim.telephony.asterisk.PbxEventListener;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.function.Consumer;

/** AMI events routed to the booked call they are about; events about other channels are ignored. */
public final class PbxEvents implements PbxEventListener {
    private static final Logger LOG = System.getLogger(PbxEvents.class.getName());

    private final DrillBookings bookings;
    private volatile Consumer<OriginateResult> originateResults = result -> {};

    public PbxEvents(DrillBookings bookings) {
        this.bookings = bookings;
    }

    public void onOriginateResults(Consumer<OriginateResult> consumer) {
        originateResults = consumer;
    }

    @Override
    public void onHold(String channel, String uniqueId) {
        bookings.lineFor(channel, uniqueId).ifPresent(line -> line.pbxHold(true));
    }

    @Override
    public void onUnhold(String channel, String uniqueId) {
        bookings.lineFor(channel, uniqueId).ifPresent(line -> line.pbxHold(false));
    }

    @Override
    public void onMusicOnHoldStart(String channel, String uniqueId) {
        bookings.lineFor(channel, uniqueId).ifPresent(line -> line.musicOnHold(true));
    }

    @Override
    public void onMusicOnHoldStop(String channel, String uniqueId) {
        bookings.lineFor(channel, uniqueId).ifPresent(line -> line.musicOnHold(false));
    }

    @Override
    public void onDtmf(String channel, String uniqueId, char digit) {
        bookings.lineFor(channel, uniqueId).ifPresent(line -> line.pbxDtmf(digit));
    }

    @Override
    public void onHangup(String channel, String uniqueId, int cause, String causeText) {
        bookings.lineFor(channel, uniqueId).ifPresent(line ->
                line.pbxHangUp("agent hung up (AMI Hangup " + cause + " " + causeText + ")"));
    }

    @Override
    public void onOriginateResult(OriginateResult result) {
        originateResults.accept(result);
    }

    @Override
    public void onConnected() {
        LOG.log(Level.INFO, "AMI connected: hold, music-on-hold, key and hang-up events reach booked drills");
    }

    @Override
    public void onDisconnected(String reason) {
        LOG.log(Level.WARNING, "AMI connection lost (" + reason + "): running drills carry on; PBX hold events"
                + " are missed until it reconnects");
    }
}
