package callsim.app.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import callsim.app.asterisk.OutboundDrills.Attempt;
import callsim.app.asterisk.OutboundDrills.State;
import callsim.app.pipeline.DialPlan;
import callsim.core.Difficulty;
import callsim.scenarios.ScenarioLibrary;
import callsim.telephony.asterisk.AmiUnavailableException;
import callsim.telephony.asterisk.OriginateRequest;
import callsim.telephony.asterisk.OriginateResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class OutboundDrillsTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private final ScenarioLibrary library = ScenarioLibrary.builtIn();
    private final DialPlan plan = new DialPlan(library, library.get("double-charge"), Difficulty.NORMAL);
    private final MutableClock clock = new MutableClock(NOW);
    private final DrillBookings bookings = new DrillBookings(clock, Duration.ofMinutes(2));
    private final ManualTimer timer = new ManualTimer();
    private final List<OriginateRequest> sent = new CopyOnWriteArrayList<>();
    private volatile AmiUnavailableException amiDown;
    private volatile OriginateResult resultBeforeReturn;  // delivered by the "AMI reader" before originate returns
    private final OutboundDrills drills = new OutboundDrills(this::originate, bookings, plan, () -> "10.0.0.2:9092", clock, timer.service());

    private String originate(OriginateRequest request) throws AmiUnavailableException {
        if (amiDown != null) throw amiDown;
        sent.add(request);
        String actionId = "action-" + sent.size();
        OriginateResult early = resultBeforeReturn;
        if (early != null) drills.originateResult(early);
        return actionId;
    }

    private static CallRequest now(String agent, String scenario, String difficulty) {
        return new CallRequest(agent, Optional.ofNullable(scenario), Optional.ofNullable(difficulty), Optional.empty());
    }

    private Attempt only() {
        assertThat(drills.attempts()).hasSize(1);
        return drills.attempts().get(0);
    }

    @Test
    void anAssignmentRingsEachAgentWithWorkLeftWithTheirNextDrillAndAScheduledOneDecidesWhenItRings() throws Exception {
        List<AssignmentRoster.Call> left = new CopyOnWriteArrayList<>(List.of(
                new AssignmentRoster.Call("201", plan.require("warranty-refused", "hard")),
                new AssignmentRoster.Call("202", plan.require("double-charge", "normal"))));
        drills.useAssignments(id -> {
            if (id != 12) throw new IllegalArgumentException("no assignment " + id);
            return List.copyOf(left);
        });

        List<Attempt> rung = drills.placeAssignment(12, "PJSIP/{agent}", Optional.empty());
        assertThat(rung).extracting(Attempt::agent, Attempt::drill)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PJSIP/201", "warranty-refused-hard"),
                        org.assertj.core.groups.Tuple.tuple("PJSIP/202", "double-charge-normal"));
        assertThat(sent).extracting(OriginateRequest::channel).containsExactly("PJSIP/201", "PJSIP/202");
        assertThat(bookings.claim(rung.get(0).id().toString()).orElseThrow().scenarioId()).contains("warranty-refused");

        List<Attempt> later = drills.placeAssignment(12, "SIP/{agent}", Optional.of(NOW.plusSeconds(3600)));
        assertThat(later).singleElement().extracting(Attempt::state).isEqualTo(State.SCHEDULED);
        left.remove(0);  // 201 finished before it rang
        clock.advance(Duration.ofHours(1));
        assertThat(timer.tasks()).singleElement().satisfies(task -> assertThat(task.delayMillis()).isEqualTo(3_600_000));
        timer.tasks().get(0).task().run();
        assertThat(sent).extracting(OriginateRequest::channel).containsExactly("PJSIP/201", "PJSIP/202", "SIP/202");

        assertThatThrownBy(() -> drills.placeAssignment(13, "PJSIP/{agent}", Optional.empty())).hasMessage("no assignment 13");
    }

    @Test
    void ringingAnAgentOriginatesAudioSocketBackToUsWithTheBookingsUuid() throws Exception {
        Attempt attempt = drills.place(now("PJSIP/201", "warranty-refused", "hard"));

        assertThat(attempt.state()).isEqualTo(State.RINGING);
        assertThat(attempt.drill()).isEqualTo("warranty-refused-hard");
        assertThat(attempt.at()).isEqualTo(NOW);
        assertThat(sent).hasSize(1);
        OriginateRequest request = sent.get(0);
        assertThat(request.channel()).isEqualTo("PJSIP/201");
        assertThat(request.application()).isEqualTo("AudioSocket");
        assertThat(request.data()).isEqualTo(attempt.id() + ",10.0.0.2:9092");
        assertThat(request.callerId()).isEqualTo("\"callsim training\" <7000>");
        assertThat(request.ringTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(request.variables()).isEqualTo(Map.of("CALLSIM_DRILL", attempt.id().toString()));

        DrillBooking booking = bookings.claim(attempt.id().toString()).orElseThrow();
        assertThat(booking.agent()).isEqualTo("PJSIP/201");
        assertThat(booking.scenarioId()).contains("warranty-refused");
        assertThat(booking.difficulty()).contains(Difficulty.HARD);
        assertThat(booking.origin()).isEqualTo("ami");
    }

    @Test
    void whatTheRequestLeavesOutIsTheServersDefault() throws Exception {
        assertThat(drills.place(now("PJSIP/201", null, null)).drill()).isEqualTo("double-charge-normal");
        assertThat(drills.place(now("PJSIP/201", null, "easy")).drill()).isEqualTo("double-charge-easy");
        assertThat(drills.place(now("PJSIP/201", "parcel-missing", null)).drill()).isEqualTo("parcel-missing-normal");
    }

    @Test
    void anUnknownScenarioOrLevelIsRefusedBeforeAnythingRings() {
        assertThatThrownBy(() -> drills.place(now("PJSIP/201", "nope", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("known: double-charge");
        assertThatThrownBy(() -> drills.place(now("PJSIP/201", "double-charge", "extreme")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("easy, normal or hard");

        assertThat(sent).isEmpty();
        assertThat(drills.attempts()).isEmpty();
        assertThat(bookings.pending()).isZero();
    }

    @Test
    void onceAnsweredTheAgentsChannelEventsReachTheLiveDrill() throws Exception {
        Attempt attempt = drills.place(now("PJSIP/201", null, null));
        drills.originateResult(new OriginateResult("action-1", true, "PJSIP/201-0000000a", "1700000000.10", 4));
        assertThat(only().state()).isEqualTo(State.ANSWERED);
        assertThat(only().detail()).isEqualTo("PJSIP/201-0000000a");

        // the AudioSocket call arrives, as BookedCalls handles it
        RecordingListener drill = new RecordingListener();
        DrillBooking claimed = bookings.claim(attempt.id().toString()).orElseThrow();
        bookings.live(claimed, new LinkedLine(attempt.id().toString(), drill));
        PbxEvents events = new PbxEvents(bookings);
        events.onHold("PJSIP/201-0000000a", "1700000000.10");
        events.onHangup(null, "1700000000.10", 16, "Normal Clearing");

        assertThat(drill.events()).containsExactly("hold", "hangup agent hung up (AMI Hangup 16 Normal Clearing)");
    }

    @Test
    void anUnansweredCallIsFailedInWordsAndItsBookingDropped() throws Exception {
        Map<Integer, String> reasons = Map.of(5, "busy", 3, "no answer", 8, "congestion", 1, "hung up before answering",
                0, "failed (reason 0)");
        int n = 0;
        for (var reason : reasons.entrySet()) {
            Attempt attempt = drills.place(now("PJSIP/20" + n, null, null));
            drills.originateResult(new OriginateResult("action-" + (++n), false, null, null, reason.getKey()));

            Attempt after = drills.attempts().stream().filter(a -> a.id().equals(attempt.id())).findFirst().orElseThrow();
            assertThat(after.state()).as(reason.getValue()).isEqualTo(State.FAILED);
            assertThat(after.detail()).isEqualTo(reason.getValue());
            assertThat(bookings.claim(attempt.id().toString())).as("booking of a call that never connects").isEmpty();
        }
    }

    @Test
    void aFailureReportedBeforeOriginateReturnsIsNotLost() throws Exception {
        // Asterisk can send OriginateResponse for a dead device right behind the action's Response.
        resultBeforeReturn = new OriginateResult("action-1", false, null, null, 5);

        Attempt attempt = drills.place(now("PJSIP/201", null, null));

        assertThat(only().state()).isEqualTo(State.FAILED);
        assertThat(only().detail()).isEqualTo("busy");
        assertThat(attempt.state()).as("what the caller of place() is told").isEqualTo(State.FAILED);
        assertThat(bookings.claim(attempt.id().toString())).isEmpty();
    }

    @Test
    void resultsOfOtherOriginatesChangeNothing() throws Exception {
        Attempt attempt = drills.place(now("PJSIP/201", null, null));

        drills.originateResult(new OriginateResult("someone-else", false, null, null, 5));

        assertThat(only().state()).isEqualTo(State.RINGING);
        assertThat(bookings.claim(attempt.id().toString())).isPresent();
    }

    @Test
    void whenAmiIsDownTheCallFailsAndNothingStaysBooked() {
        amiDown = new AmiUnavailableException("AMI not connected");

        assertThatThrownBy(() -> drills.place(now("PJSIP/201", null, null)))
                .isInstanceOf(AmiUnavailableException.class).hasMessage("AMI not connected");

        assertThat(only().state()).isEqualTo(State.FAILED);
        assertThat(only().detail()).isEqualTo("AMI not connected");
        assertThat(bookings.pending()).isZero();
    }

    @Test
    void aLaterCallIsScheduledAndRingsWhenItsTimeComes() throws Exception {
        Instant at = NOW.plus(Duration.ofMinutes(90));
        Attempt scheduled = drills.place(new CallRequest("PJSIP/202", Optional.of("parcel-missing"), Optional.empty(), Optional.of(at)));

        assertThat(scheduled.state()).isEqualTo(State.SCHEDULED);
        assertThat(scheduled.at()).isEqualTo(at);
        assertThat(sent).isEmpty();
        assertThat(bookings.pending()).as("booked when it rings, so it cannot expire first").isZero();
        assertThat(timer.tasks()).singleElement().satisfies(task ->
                assertThat(task.delayMillis()).isEqualTo(Duration.ofMinutes(90).toMillis()));

        clock.advance(Duration.ofMinutes(90));
        timer.tasks().get(0).task().run();

        assertThat(sent).singleElement().satisfies(request -> {
            assertThat(request.channel()).isEqualTo("PJSIP/202");
            assertThat(request.data()).startsWith(scheduled.id() + ",");
        });
        assertThat(only().state()).isEqualTo(State.RINGING);
        assertThat(only().at()).isEqualTo(at);
        assertThat(bookings.claim(scheduled.id().toString())).isPresent();
    }

    @Test
    void aScheduledCallThatCannotRingIsMarkedFailed() throws Exception {
        drills.place(new CallRequest("PJSIP/202", Optional.empty(), Optional.empty(), Optional.of(NOW.plusSeconds(60))));
        amiDown = new AmiUnavailableException("AMI not connected");

        timer.tasks().get(0).task().run();  // must not throw on the timer thread

        assertThat(only().state()).isEqualTo(State.FAILED);
        assertThat(only().detail()).isEqualTo("AMI not connected");
        assertThat(bookings.pending()).isZero();
    }

    @Test
    void aTimeInThePastIsRefusedButJustNowRingsAtOnce() throws Exception {
        assertThatThrownBy(() -> drills.place(new CallRequest("PJSIP/201", Optional.empty(), Optional.empty(),
                Optional.of(NOW.minus(Duration.ofMinutes(5))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in the past");
        assertThat(sent).isEmpty();

        Attempt justNow = drills.place(new CallRequest("PJSIP/201", Optional.empty(), Optional.empty(), Optional.of(NOW.minusSeconds(5))));

        assertThat(justNow.state()).isEqualTo(State.RINGING);
        assertThat(sent).hasSize(1);
        assertThat(timer.tasks()).isEmpty();
    }

    @Test
    void attemptsAreListedNewestFirst() throws Exception {
        Attempt first = drills.place(now("PJSIP/201", null, null));
        Attempt second = drills.place(now("PJSIP/202", null, null));

        assertThat(drills.attempts()).extracting(Attempt::id).containsExactly(second.id(), first.id());
    }
}
