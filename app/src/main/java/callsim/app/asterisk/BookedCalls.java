package callsim.app.asterisk;

import callsim.app.pipeline.DialPlan;
import callsim.app.pipeline.DrillService;
import callsim.core.Difficulty;
import callsim.telephony.CallHandler;
import callsim.telephony.CallLine;
import callsim.telephony.LineListener;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * The AudioSocket listener's call handler: a call whose UUID was booked (FastAGI, AMI) gets its booked
 * drill, its agent's name and the PBX's events; any other call goes to the dial plan as before.
 */
public final class BookedCalls implements CallHandler {
    private static final Logger LOG = System.getLogger(BookedCalls.class.getName());

    private final DrillService drills;
    private final DrillBookings bookings;

    public BookedCalls(DrillService drills, DrillBookings bookings) {
        this.drills = drills;
        this.bookings = bookings;
    }

    @Override
    public LineListener callStarted(CallLine line) {
        Optional<DrillBooking> claimed = bookings.claim(line.callId());
        if (claimed.isEmpty()) return drills.callStarted(line);
        DrillBooking booking = claimed.get();
        LOG.log(Level.INFO, "call {0}: booked by {1} for {2}", line.callId(), booking.origin(), booking.agent());
        LineListener drill;
        try {
            drill = drills.startBooked(line, choice(booking), booking.agent(), () -> bookings.ended(booking.uuid()));
        } catch (RuntimeException e) {
            bookings.ended(booking.uuid());  // the claim holds it until then
            throw e;
        }
        LinkedLine linked = new LinkedLine(line.callId(), drill);
        bookings.live(booking, linked);
        return linked;
    }

    private Optional<DialPlan.Choice> choice(DrillBooking booking) {
        if (booking.scenarioId().isEmpty()) return Optional.empty();
        try {
            return Optional.of(drills.dialPlan().require(booking.scenarioId().get(),
                    booking.difficulty().map(Difficulty::jsonName).orElse(null)));
        } catch (IllegalArgumentException e) {
            // Checked when booked; only a scenario library changed under a live booking gets here.
            LOG.log(Level.WARNING, "booking " + booking.uuid() + ": " + e.getMessage() + "; offering the menu instead");
            return Optional.empty();
        }
    }
}
