package callsim.telephony;

import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.StringMsgParserFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.lang.System.Logger.Level;
import java.text.ParseException;

/**
 * JAIN-SIP's own parser, plus a warning line for datagrams it cannot parse (the stack itself drops
 * them silently): the first few a minute, then a count. Public only because JAIN-SIP instantiates it
 * by class name.
 */
public final class LoggingMessageParserFactory implements MessageParserFactory {
    private static final System.Logger LOG = System.getLogger(SipEndpoint.class.getName());
    private final RateLimitedLog garbage = RateLimitedLog.perMinute(LOG, 10); // one factory per SIP stack
    private final StringMsgParserFactory standard = new StringMsgParserFactory();

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        MessageParser parser = standard.createMessageParser(stack);
        return (bytes, readBody, strict, exceptionListener) -> {
            try {
                return parser.parseSIPMessage(bytes, readBody, strict, exceptionListener);
            } catch (ParseException | RuntimeException e) {
                garbage.log(Level.WARNING, "unparseable SIP datagrams", () -> "dropped unparseable SIP datagram ("
                        + bytes.length + " bytes, starts \"" + preview(bytes) + "\"): "
                        + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
                throw e;
            }
        };
    }

    private static String preview(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(24, bytes.length); i++) {
            int b = bytes[i] & 0xFF;
            text.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
        }
        return text.toString();
    }
}
