package callsim.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ScorecardTest {

    @Test
    void theModelAgentResolvesAndPassesOnEveryTechniqueThatApplied() {
        VirtualCall call = ModelAgent.play();
        Scorecard score = call.record().score();

        assertThat(call.session().outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(score.passed()).as(score.toString()).isTrue();
        assertThat(score.total()).isGreaterThanOrEqualTo(score.passMark());
        assertThat(score.techniques()).extracting(TechniqueScore::id)
                .containsExactly("T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12", "T13", "T14");
        assertThat(score.techniques()).filteredOn(TechniqueScore::applicable)
                .allSatisfy(t -> assertThat(t.score()).as(t.toString()).isEqualTo(100));
        assertThat(score.technique(Technique.SET_A_BOUNDARY).applicable()).isFalse();
        assertThat(score.technique(Technique.ESCALATE_PROPERLY).applicable()).isFalse();
        assertThat(score.verdict()).startsWith("Passed with");
        assertThat(score.advice()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Technique.class, mode = EnumSource.Mode.EXCLUDE, names = {"SET_A_BOUNDARY", "ESCALATE_PROPERLY"})
    void leavingOutAnyTechniqueLowersItsScoreAndTheTotal(Technique technique) {
        Scorecard model = ModelAgent.play().record().score();

        Scorecard without = ModelAgent.play(technique).record().score();

        assertThat(without.technique(technique).score()).as(without.technique(technique).toString())
                .isLessThan(model.technique(technique).score());
        assertThat(without.total()).isLessThan(model.total());
        assertThat(without.advice()).isNotEmpty();
    }

    @Test
    void evidenceCarriesWhenWhatWasSaidAndWhatWasMeasured() {
        VirtualCall call = ModelAgent.play();
        DrillRecord record = call.record();
        Scorecard score = record.score();
        HoldRecord hold = record.metrics().holds().get(0);
        TranscriptEntry apologyTurn = record.transcript().stream()
                .filter(e -> e.speaker() == Speaker.AGENT && e.text().startsWith("I'm so sorry")).findFirst().orElseThrow();

        assertThat(score.technique(Technique.MANAGE_HOLD).evidence()).extracting(Evidence::kind)
                .containsExactly("hold-asked", "announced-hold");
        assertThat(score.technique(Technique.MANAGE_HOLD).evidence()).filteredOn(e -> e.kind().equals("announced-hold"))
                .singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("announced-hold");
            assertThat(e.atMs()).isEqualTo(hold.startMs());
            assertThat(e.seconds()).isEqualTo(20.0);
            assertThat(e.isMeasurement()).isTrue();
        });
        assertThat(score.technique(Technique.APOLOGISE_SPECIFICALLY).evidence()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("specific-apology");
            assertThat(e.atMs()).isEqualTo(apologyTurn.startMs());
            assertThat(e.words()).isEqualTo("i am sorry");
            assertThat(e.note()).contains("double-charge");
        });
        Span opening = record.metrics().callerSpeech().get(0);
        assertThat(score.technique(Technique.LET_THEM_VENT).evidence()).filteredOn(e -> e.kind().equals("vented"))
                .singleElement().satisfies(e -> assertThat(e.seconds()).isEqualTo(opening.lengthMs() / 1000.0));
        assertThat(score.technique(Technique.GATHER_FACTS).evidence()).extracting(Evidence::kind)
                .containsExactly("fact-asked", "fact-asked");
    }

    @Test
    void theModelAgentStillPassesThroughTypicalMisrecognitions() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 7).connect().advanceTo(1_500).agentSays(500, "mm hm").waitForCaller(800)
                .agentSays(3_500, "so you were charge twice this month and now you're a count is overdrawn").waitForCaller(700)
                .agentSays(4_000, "i'm so sorry about the double charged dana i complete lee understand how frustrating this is")
                .waitForCaller(700)
                .agentSays(2_500, "could you tell me you're account number please").waitForCaller(700)
                .agentSays(3_500, "may i put you on hold for one minute while i check you're billing please").waitForCaller(700)
                .hold(20_000).waitForCaller(700)
                .agentSays(2_500, "thank you for holding when did you notice the charge is").waitForCaller(700)
                .agentSays(7_000, "i will refund the duplicate charged today and i will also put a credit to you're account "
                        + "you will see it in three two five business days is they're anything else i can help with "
                        + "thank you for you patience").waitForCaller(700);

        Scorecard score = call.record().score();

        assertThat(call.session().outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(score.passed()).as(score.toString()).isTrue();
        assertThat(score.total()).isGreaterThanOrEqualTo(90);
    }

    @ParameterizedTest
    @EnumSource(value = Technique.class, names = {"DONT_INTERRUPT", "APOLOGISE_SPECIFICALLY", "STAY_WITHIN_POLICY", "STAY_CALM"})
    void aModelCallWithOneCriticalMistakeFails(Technique mistake) {
        Scorecard score = ModelAgent.play(mistake).record().score();

        assertThat(score.outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(score.technique(mistake).score()).isLessThan(50);
        assertThat(score.passed()).as(score.verdict()).isFalse();
        assertThat(score.verdict()).startsWith("Not passed");
    }

    @ParameterizedTest
    @EnumSource(value = Technique.class, names = {"LET_THEM_VENT", "EMPATHISE", "REPEAT_THE_PROBLEM", "GATHER_FACTS",
            "OFFER_SOLUTIONS", "CLOSE_AND_FOLLOW_UP", "COURTESY_AND_OWNERSHIP"})
    void aModelCallMissingOneGoodHabitStillPasses(Technique missing) {
        Scorecard score = ModelAgent.play(missing).record().score();

        assertThat(score.passed()).as(score.verdict()).isTrue();
        assertThat(score.advice()).first().asString().isNotBlank();
    }

    @Test
    void interruptionsAreEvidencedWithTheirTimesAndAdvisedAgainst() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 3).connect().advanceTo(1_500)
                .agentSays(2_500, "okay what is your account number").waitForCaller(700);
        call.agentSays(3_000, "I understand how frustrating this is");
        call.advanceTo(call.now() + CallTiming.defaults().callerReplyDelayMs()).agentSays(3_000, "I can refund the duplicate charge today").waitForCaller(700);

        DrillRecord record = call.record();
        TechniqueScore interruptions = record.score().technique(Technique.DONT_INTERRUPT);

        assertThat(interruptions.evidence()).filteredOn(e -> e.kind().equals("interruption"))
                .extracting(Evidence::atMs).containsExactlyElementsOf(record.metrics().agentInterruptionsAtMs());
        assertThat(interruptions.count("interruption")).isEqualTo(2);
        assertThat(interruptions.score()).isEqualTo(40);
        assertThat(record.score().technique(Technique.LET_THEM_VENT).has("cut-in-opening")).isTrue();
        assertThat(record.score().advice()).anyMatch(a -> a.contains("talked over the caller twice in the first minute"));
    }

    @Test
    void aLongUnannouncedHoldIsMeasuredAndTheCallerHangsUp() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 4).connect().waitForCaller(800)
                .agentSays(3_000, "I'm so sorry about the double charge, I understand how frustrating this is").waitForCaller(700)
                .hold(180_000);

        Scorecard score = call.record().score();
        TechniqueScore hold = score.technique(Technique.MANAGE_HOLD);

        assertThat(score.outcome()).isEqualTo(Outcome.CALLER_HUNG_UP);
        assertThat(score.passed()).isFalse();
        assertThat(hold.evidence()).filteredOn(e -> e.kind().equals("unannounced-hold"))
                .singleElement().satisfies(e -> assertThat(e.seconds()).isGreaterThan(60));
        assertThat(hold.score()).isLessThanOrEqualTo(20);
        assertThat(score.advice()).anyMatch(a -> a.contains("on hold") && a.contains("without asking"));
    }

    @Test
    void aHoldRequestShouldSayHowLong() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 4).connect().waitForCaller(800)
                .agentSays(3_000, "can I put you on hold while I check").waitForCaller(700).hold(10_000);

        TechniqueScore hold = call.record().score().technique(Technique.MANAGE_HOLD);

        assertThat(hold.has("hold-asked-without-time")).isTrue();
        assertThat(hold.has("announced-hold")).isTrue();
        assertThat(hold.score()).isEqualTo(90);
    }

    @Test
    void tellingTheCallerToCalmDownAndArguingFails() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 5).connect().waitForCaller(800)
                .agentSays(2_000, "you need to calm down").waitForCaller(700)
                .agentSays(2_500, "that's not my fault, you should have checked your statement").waitForCaller(700)
                .agentSays(3_000, "I can refund the duplicate charge").waitForCaller(700);

        Scorecard score = call.record().score();

        assertThat(score.technique(Technique.STAY_CALM).score()).isZero();
        assertThat(score.technique(Technique.STAY_CALM).evidence()).extracting(Evidence::words).contains("calm down");
        assertThat(score.passed()).isFalse();
        assertThat(score.advice()).anyMatch(a -> a.contains("calm down"));
    }

    @Test
    void aForbiddenPromiseFailsEvenAModelCall() {
        VirtualCall call = ModelAgent.play(Technique.STAY_WITHIN_POLICY);
        Scorecard score = call.record().score();

        assertThat(score.technique(Technique.STAY_WITHIN_POLICY).score()).isZero();
        assertThat(score.total()).isGreaterThanOrEqualTo(score.passMark());
        assertThat(score.passed()).isFalse();
        assertThat(score.verdict()).contains("policy forbids");
        assertThat(score.advice().get(0)).contains("refund the whole year");
    }

    @Test
    void aForbiddenPromiseAfterPushbackIsCaving() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 6).connect().waitForCaller(800)
                .agentSays(3_000, "I can put a credit to your account").waitForCaller(700)
                .agentSays(3_000, "okay fine I will refund the whole year").waitForCaller(700);

        TechniqueScore policy = call.record().score().technique(Technique.STAY_WITHIN_POLICY);

        assertThat(policy.has("caved")).isTrue();
        assertThat(call.callerLines().get(call.callerLines().size() - 1)).startsWith("[solution|");
    }

    @Test
    void anAgentWhoNeverApologisesOrEmpathisesFails() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 8).connect().waitForCaller(800)
                .agentSays(2_500, "can I have your account number").waitForCaller(700)
                .agentSays(2_500, "when did you notice the charges").waitForCaller(700)
                .agentSays(3_000, "I can refund the duplicate charge").waitForCaller(700);

        Scorecard score = call.record().score();

        assertThat(score.technique(Technique.APOLOGISE_SPECIFICALLY).score()).isZero();
        assertThat(score.technique(Technique.EMPATHISE).score()).isZero();
        assertThat(score.passed()).isFalse();
        assertThat(score.advice()).anyMatch(a -> a.contains("never apologised") || a.contains("never acknowledged"));
    }

    @Test
    void theSameScriptGivesTheSameScorecard() {
        assertThat(ModelAgent.play(Technique.DONT_INTERRUPT).record())
                .isEqualTo(ModelAgent.play(Technique.DONT_INTERRUPT).record());
    }

    @Test
    void weightsComeFromTheScenarioAndTechniquesThatDidNotApplyAreLeftOut() {
        Scenario base = TestScenarios.doubleCharge();
        Scenario holdHeavy = new Scenario(base.id(), base.title(), base.summary(), base.persona(), base.tempers(),
                base.openingComplaint(), base.grievances(), base.need(), base.facts(), base.remedies(), base.lines(),
                base.agentSentences(), base.forbiddenPromises(), java.util.Map.of(Technique.MANAGE_HOLD, 100.0), 90);
        VirtualCall plain = ModelAgent.play(new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 7), EnumSet.of(Technique.MANAGE_HOLD));
        VirtualCall heavy = ModelAgent.play(new VirtualCall(holdHeavy, Difficulty.NORMAL, 7), EnumSet.of(Technique.MANAGE_HOLD));

        Scorecard plainScore = plain.record().score();
        Scorecard heavyScore = heavy.record().score();

        assertThat(heavyScore.technique(Technique.MANAGE_HOLD).score()).isEqualTo(plainScore.technique(Technique.MANAGE_HOLD).score());
        assertThat(heavyScore.total()).isLessThan(plainScore.total());
        assertThat(heavyScore.passMark()).isEqualTo(90);
        List<TechniqueScore> applied = plainScore.techniques().stream().filter(TechniqueScore::applicable).toList();
        double weights = applied.stream().mapToDouble(t -> base.weight(Technique.ofCode(t.id()).orElseThrow())).sum();
        double weighted = applied.stream().mapToDouble(t -> base.weight(Technique.ofCode(t.id()).orElseThrow()) * t.score()).sum();
        assertThat(plainScore.total()).isEqualTo((int) Math.round(weighted / weights));
    }
}
