package callsim.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DrillSessionTest {
    private static final String EMPATHY = "I'm so sorry you were charged twice, I completely understand how frustrating that is";
    private static final String ASK_ACCOUNT = "Can I have your account number please";
    private static final String REMEDY = "I can refund the duplicate charge today and I will also put a credit to your account";

    private static VirtualCall goodAgent(long seed) {
        return new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, seed).connect().waitForCaller(800)
                .agentSays(4_000, EMPATHY).waitForCaller(700)
                .agentSays(2_000, ASK_ACCOUNT).waitForCaller(700)
                .agentSays(4_500, REMEDY).waitForCaller(700);
    }

    @Test
    void opensWithTheComplaintAtConnect() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 1).connect();

        assertThat(call.actions()).containsExactly(new CallerAction.Speak(1,
                "You people charged me twice this month and now my account is overdrawn.", 72, false));
    }

    @Test
    void aGoodAgentResolvesTheCall() {
        VirtualCall call = goodAgent(7);

        DrillRecord record = call.record();
        assertThat(call.session().outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(call.actions()).last().isEqualTo(new CallerAction.HangUp(Outcome.RESOLVED, record.outcomeReason()));
        assertThat(call.lastCallerLine()).startsWith("[closing|satisfied]");
        assertThat(call.callerLines()).anyMatch(line -> line.endsWith("It's 4 4 7 1 2 0 9."));
        assertThat(record.anger()).extracting(AngerPoint::value).isSortedAccordingTo((a, b) -> b - a);
        assertThat(record.anger().get(record.anger().size() - 1).value()).isLessThan(20);
        assertThat(record.metrics().agentInterruptions()).isZero();
        CallTiming timing = CallTiming.defaults();
        assertThat(record.metrics().callerResponseLatenciesMs()).hasSize(3)
                .allMatch(ms -> ms == timing.endOfTurnSilenceMs() + timing.callerReplyDelayMs());
    }

    @Test
    void wordsReadAheadOffTheAudioClockChangeNothingTheDrillReports() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 7).connect().waitForCaller(800);
        long[] durations = {4_000, 2_000, 4_500}; // as goodAgent's
        List<String> turns = List.of(EMPATHY, ASK_ACCOUNT, REMEDY);
        for (int i = 0; i < turns.size(); i++) {
            call.session().readAhead(turns.get(i));
            call.session().readAhead(turns.get(i)); // twice: a reading remembered is the same reading
            call.agentSays(durations[i], turns.get(i)).waitForCaller(700);
        }

        assertThat(call.record()).isEqualTo(goodAgent(7).record());
        assertThat(call.session().outcome()).isEqualTo(Outcome.RESOLVED);
    }

    @Test
    void theTranscriptHoldsBothSidesInOrder() {
        DrillRecord record = goodAgent(7).record();

        assertThat(record.transcript()).extracting(TranscriptEntry::speaker).containsExactly(
                Speaker.CALLER, Speaker.AGENT, Speaker.CALLER, Speaker.AGENT, Speaker.CALLER, Speaker.AGENT, Speaker.CALLER);
        assertThat(record.transcript().get(1).text()).isEqualTo(EMPATHY);
        assertThat(record.transcript().get(0).startMs()).isEqualTo(200);
        assertThat(record.scenarioId()).isEqualTo("double-charge");
        assertThat(record.seed()).isEqualTo(7);
    }

    @Test
    void empathyLowersAngerEvenWithMisrecognisedWords() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 3).connect().waitForCaller(800);
        int before = call.session().anger();

        call.agentSays(3_000, "eye complete lee understand how frustrated this is");

        assertThat(call.session().anger()).isLessThan(before - 5);
        assertThat(call.lastCallerLine()).startsWith("[empathy|");
    }

    @Test
    void theSameEmpathyPhraseAThirdTimeStopsWorking() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 3).connect().waitForCaller(800);
        String phrase = "I understand how frustrating this is";
        call.agentSays(2_500, phrase).waitForCaller(700);
        call.agentSays(2_500, phrase).waitForCaller(700);
        int beforeThird = call.session().anger();

        call.agentSays(2_500, phrase);

        assertThat(call.session().anger()).isGreaterThan(beforeThird);
    }

    @Test
    void aBareApologyBarelyMovesAndAnExcuseRaisesAnger() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 3).connect().waitForCaller(800);
        int start = call.session().anger();
        call.agentSays(2_500, "sorry for any inconvenience").waitForCaller(700);
        int afterBare = call.session().anger();
        call.agentSays(3_000, "well it's the system, these things happen sometimes");

        assertThat(start - afterBare).isBetween(0, 1);
        assertThat(call.session().anger()).isGreaterThan(afterBare);
    }

    @Test
    void interruptingAFuriousCallerAndTellingThemToCalmDownEndsInAHangUp() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 5).connect().advanceTo(1_500);

        call.agentSays(3_000, "listen sir the bill is correct you should have read the terms");
        // Cut off mid-complaint, the furious caller stops and says "let me finish" over the agent.
        assertThat(call.actions()).element(1).isEqualTo(new CallerAction.StopSpeaking(1));
        assertThat(call.actions()).element(2).matches(a -> a instanceof CallerAction.Speak s && s.overAgent()
                && s.text().startsWith("[interrupted|furious]"));
        call.waitForCaller(300).agentSays(1_500, "calm down").waitForCaller(300);
        call.advanceTo(call.now() + 25_000);

        DrillRecord record = call.record();
        assertThat(call.callerLines()).anyMatch(line -> line.startsWith("[interrupted|furious]"));
        assertThat(call.session().outcome()).isEqualTo(Outcome.CALLER_HUNG_UP);
        assertThat(call.actions()).last().isInstanceOf(CallerAction.HangUp.class);
        assertThat(record.metrics().agentInterruptionsAtMs()).containsExactly(1_500L);
        assertThat(record.anger()).extracting(AngerPoint::value).contains(100);
    }

    @Test
    void aCalmerCallerYieldsWhenInterruptedAndAnswersTheTurn() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.EASY, 5).connect().advanceTo(1_500);

        call.agentSays(2_500, "I am so sorry about the double charge");

        assertThat(call.actions()).contains(new CallerAction.StopSpeaking(1));
        assertThat(call.lastCallerLine()).startsWith("[apology|");
        DrillRecord record = call.waitForCaller(0).record();
        TranscriptEntry cut = record.transcript().get(0);
        assertThat(cut.text()).isEqualTo(TestScenarios.doubleCharge().openingComplaint());
        assertThat(cut.endMs()).isLessThan(cut.startMs() + 60L * cut.text().length());
    }

    @Test
    void aBackchannelWhileTheCallerVentsIsNotAnInterruptionAndGetsNoReply() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 5).connect().advanceTo(1_500);
        int before = call.session().anger();

        call.agentSays(400, "mm hm");

        assertThat(call.session().anger()).isEqualTo(before);
        assertThat(call.callerLines()).hasSize(1);
        call.waitForCaller(0);
        assertThat(call.session().anger()).isLessThan(before); // venting uninterrupted calms a little
    }

    @Test
    void aLongUnannouncedHoldEndsWithTheCallerHangingUp() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 5).connect().waitForCaller(800);
        int before = call.session().anger();
        call.putOnHold();
        call.advanceTo(call.now() + 95_000);

        assertThat(call.session().outcome()).isEqualTo(Outcome.CALLER_HUNG_UP);
        assertThat(call.session().record(call.now()).outcomeReason()).contains("on hold");
        assertThat(call.session().anger()).isGreaterThanOrEqualTo(before + 8 + 3 * 6);
        assertThat(call.record().metrics().holds()).singleElement().matches(h -> !h.announced());
    }

    @Test
    void holdStopsTheCallerMidLine() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 5).connect().advanceTo(1_000);

        call.putOnHold();

        assertThat(call.actions()).last().isEqualTo(new CallerAction.StopSpeaking(1));
    }

    @Test
    void anAnnouncedShortHoldBarelyMattersAndTheCallerSpeaksAfterIt() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 5).connect().waitForCaller(800)
                .agentSays(2_500, "may I put you on hold for a moment while I check").waitForCaller(500);
        int before = call.session().anger();

        call.hold(20_000);

        assertThat(call.session().anger()).isEqualTo(before);
        assertThat(call.lastCallerLine()).startsWith("[after-hold|");
    }

    @Test
    void deadAirGetsAnAreYouStillThere() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 5).connect().waitForCaller(0);
        int before = call.session().anger();

        call.advanceTo(call.now() + 5_200);

        assertThat(call.lastCallerLine()).startsWith("[dead-air|");
        assertThat(call.session().anger()).isEqualTo(before + 3);
    }

    @Test
    void aFuriousCallerTalksOverALongMonologue() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.HARD, 5).connect().waitForCaller(500);

        call.agentSays(9_000, "so what happens is the billing system runs on the first and then it retries and");

        assertThat(call.actions()).filteredOn(a -> a instanceof CallerAction.Speak s && s.overAgent())
                .singleElement().matches(a -> ((CallerAction.Speak) a).text().startsWith("[barge-in|furious]"));
        assertThat(call.record().metrics().callerInterruptions()).isEqualTo(1);
    }

    @Test
    void theAgentHangingUpEndsTheDrill() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 5).connect().waitForCaller(500);

        call.hangUp();

        assertThat(call.session().finished()).isTrue();
        assertThat(call.session().outcome()).isEqualTo(Outcome.AGENT_ENDED);
        assertThat(call.session().on(new DrillEvent.Tick(call.now() + 100))).isEmpty();
    }

    @Test
    void aLineThatDropsEndsPartialAtTheLastSoundFromTheAgentWithNoDeadAirChargedAfterIt() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 5).connect().waitForCaller(500).agentSays(2_000, "I am sorry about that");
        long lastHeard = call.now();
        call.advanceTo(lastHeard + 14_000); // the phone vanished: silence until the media timeout notices

        call.lineEvent(new DrillEvent.LineDropped(call.now(), lastHeard));

        DrillRecord record = call.record();
        assertThat(record.outcome()).isEqualTo(Outcome.LINE_DROPPED);
        assertThat(record.durationMs()).isEqualTo(lastHeard);
        assertThat(record.metrics().deadAirSeconds()).isZero();
        assertThat(record.anger()).allSatisfy(point -> assertThat(point.atMs()).isLessThanOrEqualTo(lastHeard));
        assertThat(call.session().on(new DrillEvent.Tick(call.now() + 100))).isEmpty();
    }

    @Test
    void aServerStopEndsTheDrillAsServerStopped() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 5).connect().waitForCaller(500);

        call.lineEvent(new DrillEvent.ServerStopped(call.now()));

        assertThat(call.session().outcome()).isEqualTo(Outcome.SERVER_STOPPED);
        assertThat(call.record().durationMs()).isEqualTo(call.now());
    }

    @Test
    void aDrillThatRunsTooLongTimesOut() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.EASY, 5).connect().waitForCaller(500);
        while (!call.session().finished()) call.agentSays(500, "okay").waitForCaller(1_500);

        assertThat(call.session().outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(call.now()).isGreaterThanOrEqualTo(DrillSession.MAX_DRILL_MS);
    }

    @Test
    void theSameSeedAndEventsGiveTheSameDrill() {
        VirtualCall first = goodAgent(42);
        VirtualCall second = goodAgent(42);

        assertThat(second.actions()).isEqualTo(first.actions());
        assertThat(second.record()).isEqualTo(first.record());
        DrillSession replay = new DrillSession(TestScenarios.doubleCharge(), Difficulty.NORMAL, 42);
        List<CallerAction> replayed = first.events().stream().flatMap(e -> replay.on(e).stream()).toList();
        assertThat(replayed).isEqualTo(first.actions());
    }

    @Test
    void differentSeedsVaryTheWording() {
        Set<List<String>> wordings = new HashSet<>();
        for (long seed = 1; seed <= 6; seed++) wordings.add(goodAgent(seed).callerLines());

        assertThat(wordings).hasSizeGreaterThan(1);
    }

    @Test
    void askingForAFactTwiceGetsAnIrritatedAnswer() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 2).connect().waitForCaller(800)
                .agentSays(2_000, ASK_ACCOUNT).waitForCaller(700);
        int afterFirst = call.session().anger();
        String firstAnswer = call.lastCallerLine();
        assertThat(firstAnswer).endsWith("It's 4 4 7 1 2 0 9.");

        call.agentSays(2_000, "what is your account number");

        assertThat(call.lastCallerLine()).endsWith("It's 4 4 7 1 2 0 9.").isNotEqualTo(firstAnswer)
                .containsAnyOf("already", "How many times");
        assertThat(call.session().anger()).isGreaterThan(afterFirst);
    }

    @Test
    void anOfferThatMissesTheNeedDoesNotResolveTheCall() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.EASY, 2).connect().waitForCaller(800)
                .agentSays(4_000, EMPATHY).waitForCaller(700)
                .agentSays(3_000, "I can put a credit to your account").waitForCaller(700);

        assertThat(call.lastCallerLine()).startsWith("[weak-offer|");
        call.agentSays(3_000, "I know how frustrating this is, thank you for your patience").waitForCaller(700);
        assertThat(call.session().finished()).isFalse();
    }

    @Test
    void aBackDatedAgentStopIsAccepted() {
        DrillSession session = new DrillSession(TestScenarios.doubleCharge(), Difficulty.NORMAL, 1);
        session.on(new DrillEvent.CallConnected(0));
        session.on(new DrillEvent.AgentSpeechStarted(300));
        session.on(new DrillEvent.Tick(900));
        session.on(new DrillEvent.AgentSpeechStopped(700));

        assertThat(session.line().agentSpeaking()).isFalse();
        assertThat(session.record(1_000).metrics().agentSpeech()).containsExactly(new Span(300, 700));
        assertThat(session.record(1_000).anger()).extracting(AngerPoint::atMs).isSorted();
    }
}
