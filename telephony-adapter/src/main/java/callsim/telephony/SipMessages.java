package callsim.telephony;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** Small helpers over JAIN-SIP messages shared by the endpoint and the dialer. */
final class SipMessages {
    private SipMessages() {}

    /**
     * A response with the RFC 3261 reason phrase; JAIN-SIP's own phrases differ in case and wording
     * ("Bad request", "Call leg/Transaction does not exist"), which some peers and tests compare.
     */
    static Response response(MessageFactory messages, int status, Request request) throws ParseException {
        Response response = messages.createResponse(status, request);
        String phrase = REASON_PHRASES.get(status);
        if (phrase != null) {
            response.setReasonPhrase(phrase);
        }
        return response;
    }

    private static final Map<Integer, String> REASON_PHRASES = Map.ofEntries(
            Map.entry(100, "Trying"),
            Map.entry(180, "Ringing"),
            Map.entry(200, "OK"),
            Map.entry(400, "Bad Request"),
            Map.entry(405, "Method Not Allowed"),
            Map.entry(481, "Call/Transaction Does Not Exist"),
            Map.entry(487, "Request Terminated"),
            Map.entry(488, "Not Acceptable Here"),
            Map.entry(500, "Server Internal Error"),
            Map.entry(503, "Service Unavailable"));

    static String callId(Message message) {
        return ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
    }

    /** The user part of the Request-URI ({@code 7000} in {@code sip:7000@host}); empty when there is none. */
    static String dialledUser(javax.sip.message.Request request) {
        return request.getRequestURI() instanceof javax.sip.address.SipURI uri && uri.getUser() != null ? uri.getUser() : "";
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
    /**
     * Where to send RTP; null for none (hold). The address must be an IP literal: a host name would
     * need a DNS lookup on the SIP thread, and one that does not resolve cannot carry a call.
     *
     * @throws IllegalArgumentException when the {@code c=} address is not an IP address
     */
    static InetSocketAddress rtpTarget(SdpDescription sdp) {
        if (sdp.hasNullAddress() || sdp.audioPort() == 0) {
            return null;
        }
        return new InetSocketAddress(AllowedPeers.literal(sdp.connectionAddress()), sdp.audioPort());
    }
}
