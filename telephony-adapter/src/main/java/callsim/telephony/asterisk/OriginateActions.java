package callsim.telephony.asterisk;

import java.util.TreeMap;
import org.asteriskjava.manager.action.OriginateAction;

/** The AMI Originate for an {@link OriginateRequest}: async, application-style, variables in name order. */
final class OriginateActions {
    private OriginateActions() {}

    static OriginateAction build(OriginateRequest request, String actionId) {
        OriginateAction action = new OriginateAction();
        action.setActionId(actionId);
        action.setChannel(request.channel());
        action.setApplication(request.application());
        action.setData(request.data());
        action.setCallerId(request.callerId());
        action.setTimeout(request.ringTimeout().toMillis());
        action.setAsync(true); // Asterisk answers at once; the outcome comes as OriginateResponse
        if (!request.variables().isEmpty()) action.setVariables(new TreeMap<>(request.variables()));
        return action;
    }
}
