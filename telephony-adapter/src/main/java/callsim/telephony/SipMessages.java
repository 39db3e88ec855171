package callsim.telephony;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.Message;
import javax.sip.message.Response;

/** Small helpers over JAIN-SIP messages shared by the endpoint and the dialer. */
final class SipMessages {
    private SipMessages() {}

    static String callId(Message message) {
        return ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
    }

    static String fromUri(Message message) {
        return ((FromHeader) message.getHeader(FromHeader.NAME)).getAddress().getURI().toString();
    }

    /** The body as text, or null when there is none. */
    static String body(Message message) {
        byte[] raw = message.getRawContent();
        return raw == null || raw.length == 0 ? null : new String(raw, StandardCharsets.UTF_8);
    }

    static boolean hasSdpBody(Message message) {
        ContentTypeHeader type = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
        return body(message) != null && (type == null
                || ("application".equalsIgnoreCase(type.getContentType()) && "sdp".equalsIgnoreCase(type.getContentSubType())));
    }

    static void setSdp(Message message, HeaderFactory headers, String sdp) throws ParseException {
        message.setContent(sdp, headers.createContentTypeHeader("application", "sdp"));
    }

    static void setToTag(Response response, String tag) throws ParseException {
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (to.getTag() == null) {
            to.setTag(tag);
        }
    }

    /** Where to send RTP according to an SDP, or null when it names no destination (0.0.0.0 or port 0). */
    static InetSocketAddress rtpTarget(SdpDescription sdp) {
        if (sdp.hasNullAddress() || sdp.audioPort() == 0) {
            return null;
        }
        return new InetSocketAddress(sdp.connectionAddress(), sdp.audioPort());
    }
}
