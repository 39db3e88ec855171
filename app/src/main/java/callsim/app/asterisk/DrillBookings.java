package callsim.app.asterisk;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every booked drill, from booking until its call ends: the AudioSocket side claims a booking by UUID;
 * the AMI side finds the call an event is about by channel or Uniqueid. A booking whose media never
 * arrives (the agent did not answer, Asterisk could not reach us) is forgotten after {@code unclaimedFor}.
 */
public final class DrillBookings {
    private static final Logger LOG = System.getLogger(DrillBookings.class.getName());

    private final Clock clock;
    private final Duration unclaimedFor;
    // guarded by this; insertion order = booking order, so expiry scans stop early
    private final Map<UUID, DrillBooking> unclaimed = new LinkedHashMap<>();
    private final Map<UUID, Live> live = new LinkedHashMap<>();

    /** A claimed call; {@code line} is null from the claim until its listener exists ({@link #live}). */
    private record Live(DrillBooking booking, LinkedLine line) {}

    public DrillBookings(Clock clock, Duration unclaimedFor) {
        this.clock = clock;
        this.unclaimedFor = unclaimedFor;
    }

    public synchronized DrillBooking book(DrillBooking booking) {
        forgetExpired();
        unclaimed.put(booking.uuid(), booking);
        return booking;
    }

    /** The agent's channel became known (AMI OriginateResponse) for a booking not yet claimed or live. */
    public synchronized void channelKnown(UUID uuid, String channel, String uniqueId) {
        DrillBooking booking = unclaimed.get(uuid);
        if (booking != null) {
            unclaimed.put(uuid, booking.withChannel(channel, uniqueId));
            return;
        }
        Live running = live.get(uuid);
        if (running != null) live.put(uuid, new Live(running.booking().withChannel(channel, uniqueId), running.line()));
    }

    /** Drops a booking whose call will never come (the originate failed). */
    public synchronized void cancel(UUID uuid) {
        unclaimed.remove(uuid);
    }

    /** The booking for an AudioSocket call that just connected with this UUID, if any; it becomes live. */
    public synchronized Optional<DrillBooking> claim(String callId) {
        forgetExpired();
        UUID uuid = parse(callId);
        DrillBooking booking = uuid == null ? null : unclaimed.remove(uuid);
        // Held from now on, so a channel learnt (OriginateResponse) before live() is not lost.
        if (booking != null) live.put(uuid, new Live(booking, null));
        return Optional.ofNullable(booking);
    }

    /**
     * Registers the claimed call's line so PBX events can reach it; call once the listener exists.
     * Does nothing for a call that already {@link #ended} (a drill that could not start).
     */
    public synchronized void live(DrillBooking booking, LinkedLine line) {
        live.computeIfPresent(booking.uuid(), (uuid, claimed) -> new Live(claimed.booking(), line));
    }

    public synchronized void ended(UUID uuid) {
        live.remove(uuid);
    }

    /** The live call an AMI event about this channel concerns. */
    public synchronized Optional<LinkedLine> lineFor(String channel, String uniqueId) {
        return live.values().stream().filter(l -> l.line() != null && l.booking().concerns(channel, uniqueId))
                .map(Live::line).findFirst();
    }

    public synchronized Optional<DrillBooking> liveBooking(UUID uuid) {
        return Optional.ofNullable(live.get(uuid)).map(Live::booking);
    }

    /**
     * True while the drill is on the line, or was booked less than {@code connectWithin} ago and its media
     * has not come yet: what a FastAGI connection waiting in {@code EXEC AudioSocket} may wait for.
     */
    public synchronized boolean expected(UUID uuid, Duration connectWithin) {
        if (live.containsKey(uuid)) return true;
        DrillBooking booking = unclaimed.get(uuid);
        return booking != null && booking.bookedAt().plus(connectWithin).isAfter(clock.instant());
    }

    public synchronized int pending() {
        return unclaimed.size();
    }

    private void forgetExpired() {
        var cutoff = clock.instant().minus(unclaimedFor);
        for (Iterator<DrillBooking> it = unclaimed.values().iterator(); it.hasNext(); ) {
            DrillBooking booking = it.next();
            if (!booking.bookedAt().isBefore(cutoff)) break;
            it.remove();
            LOG.log(Level.WARNING, "drill booking " + booking.uuid() + " for " + booking.agent() + " (" + booking.origin()
                    + ") expired: Asterisk never connected its AudioSocket within " + unclaimedFor.toSeconds() + " s");
        }
    }

    static UUID parse(String callId) {
        try {
            return UUID.fromString(callId);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
