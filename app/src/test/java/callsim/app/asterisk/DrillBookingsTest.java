package callsim.app.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DrillBookingsTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final DrillBookings bookings = new DrillBookings(clock, Duration.ofMinutes(2));

    private DrillBooking book(String channel, String uniqueId) {
        return bookings.book(new DrillBooking(UUID.randomUUID(), "201", Optional.of("double-charge"), Optional.empty(),
                Optional.ofNullable(channel), Optional.ofNullable(uniqueId), "agi", clock.instant()));
    }

    private LinkedLine goLive(DrillBooking booking) {
        // as BookedCalls does: the claimed booking goes live with the drill's line
        DrillBooking claimed = bookings.claim(booking.uuid().toString()).orElseThrow();
        LinkedLine line = new LinkedLine(booking.uuid().toString(), new RecordingListener());
        bookings.live(claimed, line);
        return line;
    }

    @Test
    void aBookingIsClaimedByItsUuidOnceOnly() {
        DrillBooking booking = book("PJSIP/201-00000001", "1700000000.1");

        assertThat(bookings.claim(booking.uuid().toString())).contains(booking);
        assertThat(bookings.claim(booking.uuid().toString())).as("second claim").isEmpty();
        assertThat(bookings.pending()).isZero();
    }

    @Test
    void callsThatWereNeverBookedClaimNothing() {
        book("PJSIP/201-00000001", "1700000000.1");

        assertThat(bookings.claim(UUID.randomUUID().toString())).isEmpty();
        assertThat(bookings.claim("not-a-uuid")).isEmpty();
        assertThat(bookings.pending()).isEqualTo(1);
    }

    @Test
    void anUnclaimedBookingIsForgottenAfterItsLifetime() {
        DrillBooking old = book(null, null);
        clock.advance(Duration.ofSeconds(90));
        DrillBooking newer = book(null, null);

        clock.advance(Duration.ofSeconds(30));  // old is exactly 2 min old: still good
        assertThat(bookings.pending()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));

        assertThat(bookings.claim(old.uuid().toString())).as("expired booking").isEmpty();
        assertThat(bookings.claim(newer.uuid().toString())).as("91 s old booking").contains(newer);
    }

    @Test
    void aCancelledBookingCannotBeClaimed() {
        DrillBooking booking = book(null, null);
        bookings.cancel(booking.uuid());

        assertThat(bookings.claim(booking.uuid().toString())).isEmpty();
    }

    @Test
    void aLiveCallIsFoundByItsChannelOrItsUniqueid() {
        DrillBooking booking = book("PJSIP/201-00000001", "1700000000.1");
        DrillBooking other = book("PJSIP/202-00000002", "1700000000.2");
        assertThat(bookings.lineFor("PJSIP/201-00000001", null)).as("booked but not live yet").isEmpty();

        LinkedLine line = goLive(booking);
        goLive(other);

        assertThat(bookings.lineFor("PJSIP/201-00000001", null)).containsSame(line);
        assertThat(bookings.lineFor(null, "1700000000.1")).containsSame(line);
        assertThat(bookings.lineFor("PJSIP/201-00000099", "1700000000.1")).as("same Uniqueid").containsSame(line);
        assertThat(bookings.lineFor("PJSIP/203-00000003", "1700000000.3")).isEmpty();
        assertThat(bookings.lineFor(null, null)).isEmpty();
    }

    @Test
    void anEndedCallNoLongerGetsEvents() {
        DrillBooking booking = book("PJSIP/201-00000001", "1700000000.1");
        goLive(booking);

        bookings.ended(booking.uuid());

        assertThat(bookings.lineFor("PJSIP/201-00000001", "1700000000.1")).isEmpty();
        assertThat(bookings.liveBooking(booking.uuid())).isEmpty();
    }

    @Test
    void aChannelLearntBeforeTheMediaArrivesRoutesEventsToTheCall() {
        DrillBooking booking = book(null, null);  // AMI: the channel is known once the agent answers
        bookings.channelKnown(booking.uuid(), "PJSIP/201-00000007", "1700000000.7");

        LinkedLine line = goLive(booking);

        assertThat(bookings.lineFor("PJSIP/201-00000007", null)).containsSame(line);
    }

    @Test
    void aChannelLearntAfterTheCallWentLiveRoutesEventsToTheCall() {
        DrillBooking booking = book(null, null);
        LinkedLine line = goLive(booking);

        bookings.channelKnown(booking.uuid(), "PJSIP/201-00000007", "1700000000.7");

        assertThat(bookings.lineFor(null, "1700000000.7")).containsSame(line);
        assertThat(bookings.liveBooking(booking.uuid()).flatMap(DrillBooking::channel)).contains("PJSIP/201-00000007");
    }

    @Test
    void aChannelLearntBetweenClaimAndLiveIsKept() {
        // The OriginateResponse and the AudioSocket connection race each other when the agent answers.
        DrillBooking booking = book(null, null);
        DrillBooking claimed = bookings.claim(booking.uuid().toString()).orElseThrow();
        bookings.channelKnown(booking.uuid(), "PJSIP/201-00000007", "1700000000.7");
        LinkedLine line = new LinkedLine(booking.uuid().toString(), new RecordingListener());
        bookings.live(claimed, line);

        assertThat(bookings.lineFor("PJSIP/201-00000007", "1700000000.7")).containsSame(line);
    }

    @Test
    void aCallThatEndedBeforeItWentLiveLeavesNothingBehind() {
        // A drill that cannot start (its directory cannot be written) ends inside startBooked, before live().
        DrillBooking booking = book("PJSIP/201-00000001", "1700000000.1");
        DrillBooking claimed = bookings.claim(booking.uuid().toString()).orElseThrow();
        bookings.ended(booking.uuid());
        bookings.live(claimed, new LinkedLine(booking.uuid().toString(), new RecordingListener()));

        assertThat(bookings.lineFor("PJSIP/201-00000001", null)).isEmpty();
        assertThat(bookings.liveBooking(booking.uuid())).isEmpty();
    }
}
