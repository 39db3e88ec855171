package callsim.telephony;

import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.lang.System.Logger.Level;
import java.util.Map;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** The SIP side of {@link SipDialer}: responses to our INVITEs and BYEs from the far end. */
final class DialerSipHandler implements SipListener {
    private static final System.Logger LOG = System.getLogger(SipDialer.class.getName());

    private final Map<String, DialledCall> calls;
    private final MessageFactory messages = new MessageFactoryImpl();

    DialerSipHandler(Map<String, DialledCall> calls) {
        this.calls = calls;
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        String method = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getMethod();
        DialledCall call = calls.get(SipMessages.callId(response));
        int status = response.getStatusCode();
        if (call == null || !Request.INVITE.equals(method) || status < 200) {
            return;
        }
        try {
            if (status < 300) {
                call.onSuccess(response, event.getDialog());
            } else {
                LOG.log(Level.INFO, "call {0}: INVITE answered {1} {2}", call.callId(), status, response.getReasonPhrase());
                call.onFailure(status, response.getReasonPhrase());
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "call {0}: failed to handle {1}: {2}", call.callId(), status, e.toString());
        }
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        SipProvider provider = (SipProvider) event.getSource();
        try {
            DialledCall call = calls.get(SipMessages.callId(request));
            switch (request.getMethod()) {
                case Request.ACK -> { }
                case Request.BYE -> {
                    int status = call == null ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : Response.OK;
                    respond(event, provider, status);
                    if (call != null) {
                        call.remoteBye();
                    }
                }
                case Request.OPTIONS -> respond(event, provider, Response.OK);
                default -> {
                    LOG.log(Level.WARNING, "dialer refused {0} from {1}", request.getMethod(), SipMessages.fromUri(request));
                    respond(event, provider, Response.NOT_ACCEPTABLE_HERE);
                }
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "dialer failed to handle {0}: {1}", request.getMethod(), e.toString());
        }
    }

    private void respond(RequestEvent event, SipProvider provider, int status) throws Exception {
        ServerTransaction transaction = event.getServerTransaction();
        if (transaction == null) {
            transaction = provider.getNewServerTransaction(event.getRequest());
        }
        transaction.sendResponse(SipMessages.response(messages, status, event.getRequest()));
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.getClientTransaction() != null) {
            Request request = event.getClientTransaction().getRequest();
            DialledCall call = calls.get(SipMessages.callId(request));
            if (call != null && Request.INVITE.equals(request.getMethod())) {
                call.onFailure(408, "Request Timeout (no response)");
            }
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.log(Level.WARNING, "dialer SIP I/O error towards {0}:{1,number,#}", event.getHost(), event.getPort());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {}

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {}
}
