package callsim.app.asterisk;

import callsim.app.pipeline.DialPlan;
import callsim.core.Difficulty;
import callsim.telephony.asterisk.AudioSocketTarget;
import callsim.telephony.asterisk.TrainingCall;
import callsim.telephony.asterisk.TrainingCallHandler;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code AGI(agi://HOST:4573/drill?scenario=ID&difficulty=LEVEL)}: books the drill under a fresh UUID
 * with the agent taken from the caller id, and sends the channel to our AudioSocket listener. With no
 * scenario the agent chooses from the spoken menu once the media arrives.
 */
public final class TrainingExtension implements TrainingCallHandler {
    private final DrillBookings bookings;
    private final DialPlan dialPlan;
    private final Optional<String> advertisedHost;
    private final int audioSocketPort;
    private final Clock clock;

    /**
     * @param advertisedHost the host Asterisk must connect AudioSocket to; empty means the address
     *                       Asterisk reached the FastAGI listener on, which is right unless NAT is in between
     */
    public TrainingExtension(DrillBookings bookings, DialPlan dialPlan, Optional<String> advertisedHost,
                             int audioSocketPort, Clock clock) {
        this.bookings = bookings;
        this.dialPlan = dialPlan;
        this.advertisedHost = advertisedHost;
        this.audioSocketPort = audioSocketPort;
        this.clock = clock;
    }

    @Override
    public AudioSocketTarget route(TrainingCall call) {
        if (!call.script().equals("drill")) {
            throw new IllegalArgumentException("unknown AGI script '" + call.script() + "' (use agi://HOST:PORT/drill)");
        }
        Optional<String> scenario = Optional.ofNullable(call.parameters().get("scenario")).filter(s -> !s.isBlank());
        Optional<Difficulty> difficulty = Optional.ofNullable(call.parameters().get("difficulty"))
                .filter(s -> !s.isBlank()).map(Difficulty::parse);
        scenario.ifPresent(id -> dialPlan.require(id, difficulty.map(Difficulty::jsonName).orElse(null)));
        DrillBooking booking = bookings.book(new DrillBooking(UUID.randomUUID(), agent(call), scenario, difficulty,
                Optional.of(call.channel()), Optional.of(call.uniqueId()), "agi", clock.instant()));
        return new AudioSocketTarget(booking.uuid(), advertisedHost.orElse(call.localAddress()), audioSocketPort);
    }

    /** Asterisk connects AudioSocket right after EXEC; one that has not within this is not coming. */
    static final java.time.Duration MEDIA_CONNECT_TIMEOUT = java.time.Duration.ofSeconds(20);

    @Override
    public boolean drillPending(UUID drill) {
        return bookings.expected(drill, MEDIA_CONNECT_TIMEOUT);
    }

    /** {@code Alice Smith <201>}, or the channel when the phone sent no caller id. */
    static String agent(TrainingCall call) {
        String number = call.callerIdNumber() == null ? "" : call.callerIdNumber().trim();
        String name = call.callerIdName() == null ? "" : call.callerIdName().trim();
        if (number.isEmpty() || number.equalsIgnoreCase("unknown")) return call.channel();
        if (name.isEmpty() || name.equalsIgnoreCase("unknown") || name.equals(number)) return number;
        return name + " <" + number + ">";
    }
}
