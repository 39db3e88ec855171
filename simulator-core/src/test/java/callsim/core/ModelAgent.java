package callsim.core;

import java.util.EnumSet;
import java.util.Set;

/**
 * An agent following docs/rubric.md on the double-charge call, as a script; any technique can be left out
 * (or, for the "don't" techniques, broken) to see what it is worth.
 */
final class ModelAgent {
    private ModelAgent() {}

    static VirtualCall play(Technique... without) {
        return play(new VirtualCall(TestScenarios.doubleCharge(), Difficulty.NORMAL, 7), without.length == 0 ? EnumSet.noneOf(Technique.class) : EnumSet.of(without[0], without));
    }

    static VirtualCall play(VirtualCall call, Set<Technique> without) {
        boolean courtesy = !without.contains(Technique.COURTESY_AND_OWNERSHIP);
        String please = courtesy ? " please" : "";
        call.connect().advanceTo(1_500);
        if (without.contains(Technique.LET_THEM_VENT)) call.agentSays(2_000, "okay so what seems to be the problem here");
        else call.agentSays(500, "mm hm");
        call.waitForCaller(800);

        if (!without.contains(Technique.REPEAT_THE_PROBLEM)) {
            call.agentSays(3_500, "So you were charged twice this month and now your account is overdrawn").waitForCaller(700);
        }
        String apology = without.contains(Technique.APOLOGISE_SPECIFICALLY) ? "" : "I'm so sorry about the double charge";
        String name = courtesy ? " Dana" : "";
        String empathy = without.contains(Technique.EMPATHISE) ? "" : ", I completely understand how frustrating this is";
        call.agentSays(4_000, apology + name + empathy);
        if (without.contains(Technique.DONT_INTERRUPT)) call.advanceTo(call.now() + 400);
        else call.waitForCaller(700);

        if (without.contains(Technique.STAY_CALM)) call.agentSays(2_000, "look you need to calm down").waitForCaller(700);
        if (!without.contains(Technique.GATHER_FACTS)) {
            call.agentSays(2_500, "Could you tell me your account number" + please);
            // An interrupter cuts into the answer too.
            if (without.contains(Technique.DONT_INTERRUPT)) call.advanceTo(call.now() + CallTiming.defaults().callerReplyDelayMs());
            else call.waitForCaller(700);
        }
        if (!without.contains(Technique.MANAGE_HOLD)) {
            call.agentSays(3_500, "May I put you on hold for one minute while I check your billing" + please).waitForCaller(700);
        }
        call.hold(20_000).waitForCaller(700);
        call.agentSays(2_500, without.contains(Technique.GATHER_FACTS) ? "Thank you for holding, I found the payments"
                : "Thank you for holding, when did you notice the charges").waitForCaller(700);

        String remedy = courtesy ? "I will refund the duplicate charge today" : "You get your money back today";
        String option = without.contains(Technique.OFFER_SOLUTIONS) ? ""
                : courtesy ? " and I will also put a credit to your account" : " and there is a credit to your account too";
        String forbidden = without.contains(Technique.STAY_WITHIN_POLICY) ? " and I will refund the whole year" : "";
        String close = without.contains(Technique.CLOSE_AND_FOLLOW_UP) ? "" : ". You will see it in three to five business days."
                + " Is there anything else I can help with? Thank you for your patience";
        call.agentSays(7_000, remedy + option + forbidden + close).waitForCaller(700);
        return call;
    }
}
