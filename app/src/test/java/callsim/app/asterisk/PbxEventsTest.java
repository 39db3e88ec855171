package callsim.app.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.telephony.asterisk.OriginateResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PbxEventsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final DrillBookings bookings = new DrillBookings(clock, Duration.ofMinutes(2));
    private final PbxEvents events = new PbxEvents(bookings);
    private final RecordingListener alice = new RecordingListener();
    private final RecordingListener bob = new RecordingListener();

    @BeforeEach
    void twoLiveCalls() {
        live("PJSIP/201-00000001", "1700000000.1", alice);
        live("PJSIP/202-00000002", "1700000000.2", bob);
    }

    private void live(String channel, String uniqueId, RecordingListener drill) {
        DrillBooking booking = bookings.book(new DrillBooking(UUID.randomUUID(), channel, Optional.empty(), Optional.empty(),
                Optional.of(channel), Optional.of(uniqueId), "agi", clock.instant()));
        bookings.live(bookings.claim(booking.uuid().toString()).orElseThrow(), new LinkedLine(booking.uuid().toString(), drill));
    }

    @Test
    void eachEventReachesOnlyTheCallItIsAbout() {
        events.onHold("PJSIP/201-00000001", "1700000000.1");
        events.onMusicOnHoldStart("PJSIP/202-00000002", "1700000000.2");
        events.onDtmf(null, "1700000000.2", '7');
        events.onUnhold("PJSIP/201-00000001", "1700000000.1");
        events.onMusicOnHoldStop("PJSIP/202-00000002", "1700000000.2");
        events.onHangup("PJSIP/201-00000001", "1700000000.1", 16, "Normal Clearing");

        assertThat(alice.events()).containsExactly("hold", "resume", "hangup agent hung up (AMI Hangup 16 Normal Clearing)");
        assertThat(bob.events()).containsExactly("hold", "dtmf 7", "resume");
    }

    @Test
    void eventsAboutOtherChannelsAreIgnored() {
        events.onHold("PJSIP/300-00000009", "1700000000.9");
        events.onDtmf("Local/7000@training-00000001;2", "1700000000.10", '1');
        events.onHangup("PJSIP/300-00000009", "1700000000.9", 16, "Normal Clearing");

        assertThat(alice.events()).isEmpty();
        assertThat(bob.events()).isEmpty();
    }

    @Test
    void originateResultsGoToTheirConsumer() {
        List<OriginateResult> seen = new ArrayList<>();
        OriginateResult result = new OriginateResult("a-1", true, "PJSIP/203-00000003", "1700000000.3", 4);
        events.onOriginateResult(result);  // before anyone listens: dropped, not thrown
        events.onOriginateResults(seen::add);

        events.onOriginateResult(result);

        assertThat(seen).containsExactly(result);
    }
}
