package callsim.app.asterisk;

import callsim.app.pipeline.DialPlan;
import callsim.telephony.asterisk.AmiUnavailableException;
import callsim.telephony.asterisk.OriginateRequest;
import callsim.telephony.asterisk.OriginateResult;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Drills callsim places to agents' phones through AMI: {@code ./callsim call --agent PJSIP/201} and
 * the team schedule. Each is booked under a UUID and originated as {@code AudioSocket(uuid,host:port)}
 * on the agent's channel; when the agent answers, the caller starts. Keeps the recent attempts and
 * their outcome for {@code GET /api/calls}.
 */
public final class OutboundDrills {
    private static final Logger LOG = System.getLogger(OutboundDrills.class.getName());
    static final Duration RING_TIMEOUT = Duration.ofSeconds(30);
    static final String CALLER_ID = "\"callsim training\" <7000>";
    private static final int KEEP_ATTEMPTS = 500;
    private static final int KEEP_EARLY_RESULTS = 64;

    /** Sends an AMI Originate and returns its ActionID (AmiClient::originate). */
    @FunctionalInterface
    public interface Originator {
        String originate(OriginateRequest request) throws AmiUnavailableException;
    }

    /** {@code PLACED}: a scheduled assignment whose agents' calls were placed, each listed as its own attempt. */
    public enum State { SCHEDULED, RINGING, ANSWERED, FAILED, PLACED }

    /** One placed or scheduled call, as the API shows it. */
    public record Attempt(UUID id, String agent, String drill, Instant at, State state, String detail) {
        Attempt with(State newState, String newDetail) {
            return new Attempt(id, agent, drill, at, newState, newDetail);
        }
    }

    private final Originator originator;
    private final DrillBookings bookings;
    private final DialPlan dialPlan;
    private final Supplier<String> audioSocketAddress;  // host:port Asterisk connects to
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Object results = new Object();
    private final Map<String, UUID> byActionId = new HashMap<>();  // guarded by results
    // Guarded by results. Asterisk can report a quick failure (unknown device) before originate() has
    // returned its ActionID to us; such results wait here. Other clients' results land here too, hence the cap.
    private final Map<String, OriginateResult> earlyResults = new LinkedHashMap<>();
    private final Deque<Attempt> attempts = new ArrayDeque<>();  // guarded by itself, newest first
    private volatile Optional<AssignmentRoster> assignments = Optional.empty();

    public OutboundDrills(Originator originator, DrillBookings bookings, DialPlan dialPlan,
                          Supplier<String> audioSocketAddress, Clock clock, ScheduledExecutorService timer) {
        this.originator = originator;
        this.bookings = bookings;
        this.dialPlan = dialPlan;
        this.audioSocketAddress = audioSocketAddress;
        this.clock = clock;
        this.timer = timer;
    }

    /** Lets {@code call --assignment ID} ring an assignment's agents. */
    public void useAssignments(AssignmentRoster roster) {
        this.assignments = Optional.of(roster);
    }

    /**
     * Rings every agent of the assignment who still has work left, each with their next unfinished drill, now
     * or at {@code at}. A scheduled call decides who has work left when it rings, not now: an agent who
     * finished in the meantime is not disturbed.
     *
     * @param device how Asterisk dials an agent, with {@code {agent}} for their extension: {@code PJSIP/{agent}}
     * @return the calls placed, or the one scheduled call for the whole assignment
     * @throws IllegalArgumentException for an unknown assignment, a device without {@code {agent}}, or a time in the past
     */
    public List<Attempt> placeAssignment(long assignmentId, String device, Optional<Instant> at) throws AmiUnavailableException {
        AssignmentRoster roster = assignments.orElseThrow(() -> new IllegalArgumentException("this server has no assignments (no review database)"));
        if (!device.contains(AGENT_PLACEHOLDER)) {
            throw new IllegalArgumentException("device '" + device + "' must say where the extension goes, like PJSIP/" + AGENT_PLACEHOLDER);
        }
        List<AssignmentRoster.Call> now = roster.withWorkLeft(assignmentId);  // an unknown assignment fails here, not at 9:30
        Instant time = clock.instant();
        String what = "assignment " + assignmentId;
        if (at.isPresent() && at.get().isAfter(time)) {
            Attempt scheduled = remember(new Attempt(UUID.randomUUID(), device, what, at.get(), State.SCHEDULED, "agents with work left then"));
            timer.schedule(() -> ringAssignment(scheduled, assignmentId, device), Duration.between(time, at.get()).toMillis(), TimeUnit.MILLISECONDS);
            LOG.log(Level.INFO, what + " scheduled at " + at.get());
            return List.of(scheduled);
        }
        if (at.isPresent() && at.get().isBefore(time.minusSeconds(60))) throw new IllegalArgumentException("time " + at.get() + " is in the past");
        if (now.isEmpty()) LOG.log(Level.INFO, what + ": every agent is done, nobody to ring");
        List<Attempt> placed = new ArrayList<>();
        for (AssignmentRoster.Call call : now) placed.add(ringAgent(device, call));
        return placed;
    }

    private void ringAssignment(Attempt scheduled, long assignmentId, String device) {
        try {
            List<AssignmentRoster.Call> calls = assignments.orElseThrow().withWorkLeft(assignmentId);
            update(scheduled.id(), State.PLACED, "rang " + calls.size() + " agent(s) with work left");
            for (AssignmentRoster.Call call : calls) {
                try {
                    ringAgent(device, call);
                } catch (AmiUnavailableException e) {
                    LOG.log(Level.WARNING, "assignment " + assignmentId + ": " + call.agentKey() + " not rung: " + e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "scheduled assignment " + assignmentId + " failed", e);
            update(scheduled.id(), State.FAILED, String.valueOf(e.getMessage()));
        }
    }

    private Attempt ringAgent(String device, AssignmentRoster.Call call) throws AmiUnavailableException {
        DialPlan.Choice choice = call.drill();
        String agent = device.replace(AGENT_PLACEHOLDER, call.agentKey());
        return ring(new Attempt(UUID.randomUUID(), agent, choice.scenario().id() + "-" + choice.difficulty().jsonName(), clock.instant(),
                State.RINGING, ""), choice);
    }

    /** Where an agent's extension goes in an assignment call's device ({@code PJSIP/{agent}}). */
    public static final String AGENT_PLACEHOLDER = "{agent}";

    /**
     * Rings the agent now, or schedules it. The scenario and level are checked at once, so a typo fails
     * here and not at nine in the morning.
     *
     * @throws IllegalArgumentException for an unknown scenario/level or a time in the past
     * @throws AmiUnavailableException  when ringing now and AMI is down or Asterisk refused the originate
     */
    public Attempt place(CallRequest request) throws AmiUnavailableException {
        DialPlan.Choice choice = request.scenario().isPresent()
                ? dialPlan.require(request.scenario().get(), request.difficulty().orElse(null))
                : dialPlan.require(dialPlan.defaultScenario().id(), request.difficulty().orElse(dialPlan.defaultDifficulty().jsonName()));
        Instant now = clock.instant();
        String drill = choice.scenario().id() + "-" + choice.difficulty().jsonName();
        if (request.at().isPresent() && request.at().get().isAfter(now)) {
            Attempt scheduled = remember(new Attempt(UUID.randomUUID(), request.agent(), drill, request.at().get(), State.SCHEDULED, ""));
            long delayMs = Duration.between(now, request.at().get()).toMillis();
            timer.schedule(() -> ringScheduled(scheduled, choice), delayMs, TimeUnit.MILLISECONDS);
            LOG.log(Level.INFO, "drill " + drill + " for " + request.agent() + " scheduled at " + request.at().get());
            return scheduled;
        }
        if (request.at().isPresent() && request.at().get().isBefore(now.minusSeconds(60))) {
            throw new IllegalArgumentException("time " + request.at().get() + " is in the past");
        }
        Attempt attempt = new Attempt(UUID.randomUUID(), request.agent(), drill, now, State.RINGING, "");
        return ring(attempt, choice);
    }

    private void ringScheduled(Attempt scheduled, DialPlan.Choice choice) {
        try {
            ring(scheduled, choice);
        } catch (AmiUnavailableException e) {
            LOG.log(Level.WARNING, "scheduled drill for " + scheduled.agent() + " not placed: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "scheduled drill for " + scheduled.agent() + " failed", e);
            update(scheduled.id(), State.FAILED, String.valueOf(e.getMessage()));
        }
    }

    private Attempt ring(Attempt attempt, DialPlan.Choice choice) throws AmiUnavailableException {
        DrillBooking booking = bookings.book(new DrillBooking(attempt.id(), attempt.agent(), Optional.of(choice.scenario().id()),
                Optional.of(choice.difficulty()), Optional.empty(), Optional.empty(), "ami", clock.instant()));
        OriginateRequest originate = new OriginateRequest(attempt.agent(), "AudioSocket",
                booking.uuid() + "," + audioSocketAddress.get(), CALLER_ID, RING_TIMEOUT, Map.of("CALLSIM_DRILL", booking.uuid().toString()));
        remember(attempt.with(State.RINGING, ""));
        try {
            String actionId = originator.originate(originate);
            OriginateResult early;
            synchronized (results) {
                early = earlyResults.remove(actionId);
                if (early == null) byActionId.put(actionId, booking.uuid());
            }
            LOG.log(Level.INFO, "ringing " + attempt.agent() + " for drill " + attempt.drill() + " (booking " + booking.uuid() + ")");
            if (early == null) return attempt.with(State.RINGING, "");
            settle(booking.uuid(), early);
            return current(attempt.id()).orElse(attempt);
        } catch (AmiUnavailableException e) {
            bookings.cancel(booking.uuid());
            update(attempt.id(), State.FAILED, e.getMessage());
            throw e;
        }
    }

    /** Asterisk's verdict on an originate: answered (the AudioSocket call follows) or not. */
    public void originateResult(OriginateResult result) {
        UUID uuid;
        synchronized (results) {
            uuid = byActionId.remove(result.actionId());
            if (uuid == null) {  // not ours, or ours before originate() returned
                earlyResults.put(result.actionId(), result);
                if (earlyResults.size() > KEEP_EARLY_RESULTS) earlyResults.remove(earlyResults.keySet().iterator().next());
                return;
            }
        }
        settle(uuid, result);
    }

    private void settle(UUID uuid, OriginateResult result) {
        if (result.success()) {
            bookings.channelKnown(uuid, result.channel(), result.uniqueId());
            update(uuid, State.ANSWERED, result.channel());
        } else {
            bookings.cancel(uuid);
            String why = switch (result.reason()) {
                case 3 -> "no answer";
                case 5 -> "busy";
                case 8 -> "congestion";
                case 1 -> "hung up before answering";
                default -> "failed (reason " + result.reason() + ")";
            };
            LOG.log(Level.WARNING, "drill call " + uuid + " not answered: " + why);
            update(uuid, State.FAILED, why);
        }
    }

    public List<Attempt> attempts() {
        synchronized (attempts) {
            return new ArrayList<>(attempts);
        }
    }

    private Optional<Attempt> current(UUID id) {
        synchronized (attempts) {
            return attempts.stream().filter(a -> a.id().equals(id)).findFirst();
        }
    }

    private Attempt remember(Attempt attempt) {
        synchronized (attempts) {
            attempts.removeIf(a -> a.id().equals(attempt.id()));
            attempts.addFirst(attempt);
            while (attempts.size() > KEEP_ATTEMPTS) attempts.removeLast();
        }
        return attempt;
    }

    private void update(UUID id, State state, String detail) {
        synchronized (attempts) {
            attempts.stream().filter(a -> a.id().equals(id)).findFirst().ifPresent(a -> remember(a.with(state, detail)));
        }
    }
}
