package callsim.telephony.asterisk;

/**
 * The outcome of an {@link AmiClient#originate}: {@code actionId} is the one {@code originate}
 * returned; {@code channel} and {@code uniqueId} name the agent's channel when it answered.
 * {@code reason} is Asterisk's numeric reason (4 answered, 5 busy, 3 no answer, 8 congestion, 0 failed).
 */
public record OriginateResult(String actionId, boolean success, String channel, String uniqueId, int reason) {}
