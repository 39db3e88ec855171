package callsim.core;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How a scenario's caller behaves at one difficulty: anger at the start (0-100), how many seconds of
 * hold they put up with, and volatility (multiplies every anger rise; 1.0 is the rubric's baseline).
 */
public record CallerTemper(int startingAnger, int holdPatienceSeconds, double volatility) {
    public CallerTemper {
        checkArgument(startingAnger >= 0 && startingAnger <= 100, "starting anger %s outside 0..100", startingAnger);
        checkArgument(holdPatienceSeconds > 0, "hold patience must be positive, was %s", holdPatienceSeconds);
        checkArgument(volatility > 0 && volatility <= 3, "volatility %s outside (0, 3]", volatility);
    }
}
