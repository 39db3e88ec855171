package callsim.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A turn the recogniser heard too poorly (docs/rubric.md, "Not heard clearly") is asked again and never scored. */
class NotHeardClearlyTest {
    /** Below {@link DrillEvent.AgentTurn#HEARD_CLEARLY}, as foreign speech or noise comes out of the recogniser. */
    private static final double POORLY = DrillEvent.AgentTurn.HEARD_CLEARLY / 2;
    /** What the recogniser might invent from noise: words that would cost (arguing) and earn (a remedy) if believed. */
    private static final String INVENTED_ARGUING = "calm down you should have read the bill";
    private static final String INVENTED_REMEDY = "i can refund the duplicate charge today";

    private static VirtualCall call(long seed) {
        return new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, seed).connect();
    }

    /** A decent agent's call; {@code unclearMiddle} may add turns after the apology. */
    private static VirtualCall decentAgent(UnaryOperator<VirtualCall> unclearMiddle) {
        VirtualCall call = call(7).waitForCaller(800)
                .say("I'm so sorry you were charged twice, I completely understand how frustrating that is");
        unclearMiddle.apply(call);
        return call.say("Can I have your account number please")
                .say("I can refund the duplicate charge today and you will see it within five working days")
                .settle();
    }

    @Test
    void theCallerAsksAgainAsOnABadLineAndStaysAsAngry() {
        VirtualCall call = call(3).waitForCaller(800);
        int anger = call.session().anger();

        call.say(INVENTED_ARGUING, POORLY).settle();

        assertThat(call.lastCallerLine()).startsWith(TestScenarios.tag(LineSituation.NOT_HEARD, call.session().band()));
        assertThat(call.session().anger()).isEqualTo(anger);
    }

    @Test
    void theSameTurnHeardClearlyIsAnsweredAndScored() {
        VirtualCall call = call(3).waitForCaller(800);
        int anger = call.session().anger();

        call.say(INVENTED_ARGUING).settle();

        assertThat(call.lastCallerLine()).startsWith("[arguing|");
        assertThat(call.session().anger()).isGreaterThan(anger);
    }

    @Test
    void repeatedClarificationsAreWordedDifferentlyEachTime() {
        VirtualCall call = call(5).waitForCaller(800);

        for (int i = 0; i < 4; i++) call.say(INVENTED_REMEDY, POORLY).settle();

        List<String> asked = call.callerLines().subList(1, call.callerLines().size());
        assertThat(asked).hasSize(4).allMatch(line -> line.startsWith("[not-heard|"));
        for (int i = 1; i < asked.size(); i++) assertThat(asked.get(i)).isNotEqualTo(asked.get(i - 1));
        assertThat(call.session().outcome()).isEqualTo(Outcome.IN_PROGRESS);
    }

    @Test
    void anUnclearTurnNeitherEarnsNorCostsAnyTechnique() {
        Scorecard without = decentAgent(call -> call).record().score();
        VirtualCall withUnclear = decentAgent(call -> call.say(INVENTED_ARGUING, POORLY).say(INVENTED_REMEDY, POORLY));
        Scorecard with = withUnclear.record().score();

        assertThat(withUnclear.callerLines()).filteredOn(line -> line.startsWith("[not-heard|")).hasSize(2);
        assertThat(with.techniques()).extracting(TechniqueScore::id, TechniqueScore::applicable, TechniqueScore::score)
                .containsExactlyElementsOf(without.techniques().stream()
                        .map(t -> org.assertj.core.groups.Tuple.tuple(t.id(), t.applicable(), t.score())).toList());
        assertThat(with.techniques()).flatExtracting(TechniqueScore::evidence).extracting(Evidence::words)
                .containsExactlyElementsOf(without.techniques().stream().flatMap(t -> t.evidence().stream()).map(Evidence::words).toList());
        assertThat(with.total()).isEqualTo(without.total());
        assertThat(with.advice()).isEqualTo(without.advice());
    }

    @Test
    void theScorecardSaysWhenATurnWasNotHeardClearly() {
        VirtualCall call = decentAgent(c -> c.say(INVENTED_ARGUING, POORLY));
        DrillEvent.AgentTurn unclear = call.events().stream().filter(e -> e instanceof DrillEvent.AgentTurn)
                .map(e -> (DrillEvent.AgentTurn) e).filter(t -> !t.heardClearly()).findFirst().orElseThrow();

        List<UnclearTurn> notHeard = call.record().score().notHeardClearly();

        assertThat(notHeard).extracting(UnclearTurn::atMs).containsExactly(unclear.startMs());
        long seconds = unclear.startMs() / 1000;
        assertThat(notHeard.get(0).note())
                .isEqualTo("Not heard clearly at " + String.format("%02d:%02d", seconds / 60, seconds % 60) + ", so that turn was not scored.");
        assertThat(decentAgent(c -> c).record().score().notHeardClearly()).isEmpty();
    }

    @Test
    void unclearSpeechOverTheCallerIsNotAnInterruption() {
        VirtualCall unclear = call(9).advanceTo(1_500).agentSays(800, INVENTED_ARGUING, POORLY);
        VirtualCall clear = call(9).advanceTo(1_500).agentSays(800, INVENTED_ARGUING);

        assertThat(unclear.record().metrics().agentInterruptions()).isZero();
        assertThat(unclear.record().metrics().overtalk()).isNotEmpty();
        assertThat(clear.record().metrics().agentInterruptions()).isEqualTo(1);
    }

    @Test
    void aScenarioWithoutItsOwnClarificationsUsesTheDefaultOnes() {
        Scenario written = TestScenarios.doubleCharge();
        java.util.Map<LineSituation, java.util.Map<AngerBand, List<String>>> pools = new java.util.EnumMap<>(written.lines().pools());
        pools.remove(LineSituation.NOT_HEARD);
        Scenario scenario = new Scenario(written.id(), written.title(), written.summary(), written.persona(), written.tempers(),
                written.openingComplaint(), written.grievances(), written.need(), written.facts(), written.remedies(),
                new CallerLines(pools), written.agentSentences());
        VirtualCall call = new VirtualCall(scenario, Difficulty.NORMAL, 3).connect().waitForCaller(800);

        call.say(INVENTED_REMEDY, POORLY).settle();

        assertThat(NotHeardLines.DEFAULTS.values()).anyMatch(pool -> pool.contains(call.lastCallerLine()));
    }
}
