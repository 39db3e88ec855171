package callsim.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Callers who swear (T11), callers who insist on a supervisor (T12), and getting the problem wrong (T4). */
class PersonaBehaviourTest {
    private static final String BOUNDARY = "I want to help, but I need us to keep this respectful";
    private static final String NEUTRAL = "okay let me look at that";

    private static VirtualCall abusiveCall() {
        return new VirtualCall(TestScenarios.doubleCharge(new Persona("Rick Moreno", 115, true, false)), Difficulty.NORMAL, 3)
                .connect().waitForCaller(800).agentSays(2_000, NEUTRAL).waitForCaller(700);
    }

    private static VirtualCall insistingCall() {
        return new VirtualCall(TestScenarios.doubleCharge(new Persona("Pat Lee", 150, false, true)), Difficulty.NORMAL, 3)
                .connect().waitForCaller(800);
    }

    @Test
    void anAngryAbusiveCallerSwears() {
        assertThat(abusiveCall().lastCallerLine()).startsWith("[abuse|angry]");
    }

    @Test
    void ignoredAbuseContinues() {
        VirtualCall call = abusiveCall();
        int before = call.session().anger();

        call.agentSays(2_000, "I see, let me check the account").waitForCaller(700);

        assertThat(call.lastCallerLine()).startsWith("[abuse|");
        assertThat(call.session().anger()).isGreaterThan(before);
        TechniqueScore boundary = call.record().score().technique(Technique.SET_A_BOUNDARY);
        assertThat(boundary.applicable()).isTrue();
        assertThat(boundary.score()).isZero();
        assertThat(boundary.count("abuse-ignored")).isEqualTo(1);
        assertThat(call.record().score().advice()).anyMatch(a -> a.contains("keep this respectful"));
    }

    @Test
    void aCalmBoundaryTonesTheCallerDownForTheRestOfTheCall() {
        VirtualCall call = abusiveCall();
        int before = call.session().anger();

        call.agentSays(3_000, BOUNDARY).waitForCaller(700);

        assertThat(call.session().anger()).isLessThan(before);
        assertThat(call.lastCallerLine()).startsWith("[boundary|");
        int linesBefore = call.callerLines().size();
        call.agentSays(2_000, NEUTRAL).waitForCaller(700).agentSays(2_000, "I see").waitForCaller(700);
        assertThat(call.callerLines().subList(linesBefore, call.callerLines().size())).noneMatch(line -> line.startsWith("[abuse|"));
        TechniqueScore boundary = call.record().score().technique(Technique.SET_A_BOUNDARY);
        assertThat(boundary.score()).isEqualTo(100);
        assertThat(boundary.evidence()).extracting(Evidence::kind).containsExactly("abuse", "boundary");
    }

    @Test
    void aBoundaryWithoutAbuseFeelsLikeALecture() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 3).connect().waitForCaller(800);
        int before = call.session().anger();

        call.agentSays(3_000, BOUNDARY);

        assertThat(call.session().anger()).isGreaterThan(before);
        assertThat(call.record().score().technique(Technique.SET_A_BOUNDARY).has("boundary-without-abuse")).isTrue();
    }

    @Test
    void anInsistingCallerDemandsASupervisorAgainAndAgain() {
        VirtualCall call = insistingCall().agentSays(3_000, "I understand how frustrating this is").waitForCaller(700);
        assertThat(call.lastCallerLine()).startsWith("[supervisor-demand|");
        int before = call.session().anger();

        call.agentSays(3_000, "I can put a credit to your account").waitForCaller(700);

        assertThat(call.lastCallerLine()).startsWith("[supervisor-demand|");
        assertThat(call.session().anger()).isGreaterThan(before - 5); // the offer helps less than the ignored demand hurts
        assertThat(call.record().score().technique(Technique.ESCALATE_PROPERLY).count("demand-ignored")).isEqualTo(1);
    }

    @Test
    void transferringAnInsistingCallerEscalatesTheDrill() {
        VirtualCall call = insistingCall().agentSays(3_000, "I'm so sorry about the double charge, I understand how frustrating this is")
                .waitForCaller(700);

        call.agentSays(3_000, "of course, let me transfer you to my supervisor").waitForCaller(700);

        assertThat(call.session().outcome()).isEqualTo(Outcome.ESCALATED);
        assertThat(call.lastCallerLine()).startsWith("[transfer|");
        assertThat(call.actions()).last().isInstanceOf(CallerAction.HangUp.class);
        Scorecard score = call.record().score();
        assertThat(score.technique(Technique.ESCALATE_PROPERLY).score()).isEqualTo(100);
        assertThat(score.technique(Technique.ESCALATE_PROPERLY).has("escalated")).isTrue();
        assertThat(score.verdict()).doesNotContain("too early");
    }

    @Test
    void aCallerWhoIsAbusiveAndInsistsTakesTurns() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(new Persona("Rick Moreno", 115, true, true)),
                Difficulty.HARD, 3).connect().waitForCaller(800);

        call.agentSays(2_000, NEUTRAL).waitForCaller(700).agentSays(2_000, "I see").waitForCaller(700);

        assertThat(call.callerLines().subList(call.callerLines().size() - 2, call.callerLines().size()))
                .satisfiesExactly(first -> assertThat(first).startsWith("[abuse|"),
                        second -> assertThat(second).startsWith("[supervisor-demand|"));
    }

    @Test
    void escalatingAsAFirstMoveIsPremature() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 3).connect().waitForCaller(800)
                .agentSays(3_000, "let me transfer you to my supervisor").waitForCaller(700);

        Scorecard score = call.record().score();
        assertThat(score.outcome()).isEqualTo(Outcome.ESCALATED);
        assertThat(score.technique(Technique.ESCALATE_PROPERLY).score()).isEqualTo(20);
        assertThat(score.passed()).isFalse();
        assertThat(score.verdict()).contains("too early");
        assertThat(score.advice()).first().asString().contains("before trying to help");
    }

    @Test
    void aWrongRestatementIsCorrectedWithIrritation() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 3).connect().waitForCaller(800);
        int before = call.session().anger();

        call.agentSays(3_000, "so what you're saying is your internet keeps dropping out");

        assertThat(call.session().anger()).isGreaterThan(before);
        assertThat(call.lastCallerLine()).startsWith("[correction|");
        assertThat(call.record().score().technique(Technique.REPEAT_THE_PROBLEM).has("wrong-restatement")).isTrue();
    }

    @Test
    void aRightRestatementIsConfirmed() {
        VirtualCall call = new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 3).connect().waitForCaller(800);

        call.agentSays(3_000, "so you were billed twice and now your account is overdrawn");

        assertThat(call.lastCallerLine()).startsWith("[confirmation|");
    }
}
