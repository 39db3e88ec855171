package callsim.telephony;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SDP (RFC 4566) for one G.711 audio stream, as pure functions: parse an offer or answer, pick the
 * codec, write our offer or answer (RFC 3264 offer/answer, RFC 4733 telephone-event).
 */
public final class Sdp {
    /** The payload type we offer for telephone-event. */
    public static final int OFFERED_TELEPHONE_EVENT_PT = 101;
    private static final String CRLF = "\r\n";

    private Sdp() {}

    /**
     * Reads the first audio stream of an SDP body.
     *
     * @throws SdpFormatException when the body is not SDP, has no audio stream or no connection address
     */
    public static SdpDescription parse(String body) {
        if (body == null || body.isBlank()) {
            throw new SdpFormatException("empty SDP body");
        }
        String[] lines = body.split("\r?\n");
        if (!lines[0].strip().equals("v=0")) {
            throw new SdpFormatException("SDP must start with 'v=0', starts with '" + abbreviate(lines[0]) + "'");
        }
        String sessionAddress = null;
        MediaDirection sessionDirection = null;
        boolean inAudio = false;
        boolean audioSeen = false;
        String mediaAddress = null;
        MediaDirection mediaDirection = null;
        int audioPort = -1;
        List<Integer> payloadTypes = new ArrayList<>();
        Map<Integer, String> encodings = new LinkedHashMap<>();
        Map<Integer, Integer> clockRates = new LinkedHashMap<>();
        for (int number = 1; number <= lines.length; number++) {
            String line = lines[number - 1].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=' || !Character.isLetter(line.charAt(0))) {
                throw new SdpFormatException("SDP line " + number + " is not 'x=value': '" + abbreviate(line) + "'");
            }
            char type = line.charAt(0);
            String value = line.substring(2);
            if (type == 'm') {
                inAudio = !audioSeen && value.startsWith("audio ");
                if (inAudio) {
                    audioSeen = true;
                    audioPort = parseMediaLine(value, number, payloadTypes);
                }
                continue;
            }
            boolean sessionLevel = !audioSeen;
            if (!sessionLevel && !inAudio) {
                continue; // a later, non-audio or second audio stream
            }
            if (type == 'c') {
                String address = parseConnection(value, number);
                if (sessionLevel) {
                    sessionAddress = address;
                } else {
                    mediaAddress = address;
                }
            } else if (type == 'a') {
                MediaDirection direction = MediaDirection.fromAttribute(value);
                if (direction != null) {
                    if (sessionLevel) {
                        sessionDirection = direction;
                    } else {
                        mediaDirection = direction;
                    }
                } else if (!sessionLevel && value.startsWith("rtpmap:")) {
                    parseRtpmap(value.substring("rtpmap:".length()), number, encodings, clockRates);
                }
            }
        }
        if (!audioSeen) {
            throw new SdpFormatException("SDP has no audio stream (m=audio)");
        }
        String address = mediaAddress != null ? mediaAddress : sessionAddress;
        if (address == null) {
            throw new SdpFormatException("SDP has no connection address (c=) for the audio stream");
        }
        MediaDirection direction = mediaDirection != null ? mediaDirection
                : sessionDirection != null ? sessionDirection : MediaDirection.SENDRECV;
        int telephoneEvent = -1;
        for (int pt : payloadTypes) {
            if ("TELEPHONE-EVENT".equals(encodings.get(pt)) && clockRates.getOrDefault(pt, 8000) == 8000) {
                telephoneEvent = pt;
                break;
            }
        }
        return new SdpDescription(address, audioPort, payloadTypes, encodings, telephoneEvent, direction);
    }

    /**
     * Picks PCMU or PCMA, whichever the writer listed first, and its telephone-event type.
     *
     * @throws NoCommonCodecException when neither is offered
     */
    public static NegotiatedMedia negotiate(SdpDescription remote) {
        for (int pt : remote.payloadTypes()) {
            Codec codec = codecFor(pt, remote.encodingNames().get(pt));
            if (codec != null) {
                return new NegotiatedMedia(codec, pt, remote.telephoneEventPayloadType());
            }
        }
        throw new NoCommonCodecException(remote.payloadTypes());
    }

    /** Our direction in the answer to an offer with the given direction (RFC 3264 section 6.1). */
    public static MediaDirection answerDirection(MediaDirection offered) {
        return switch (offered) {
            case SENDONLY -> MediaDirection.RECVONLY;
            case RECVONLY -> MediaDirection.SENDONLY;
            case INACTIVE -> MediaDirection.INACTIVE;
            case SENDRECV -> MediaDirection.SENDRECV;
        };
    }

    /** Our answer: the negotiated codec and telephone-event, ptime 20, the matching direction. */
    public static String answer(SdpDescription offer, NegotiatedMedia media, String localAddress, int localPort,
            long sessionId, long sessionVersion) {
        StringBuilder sdp = header(localAddress, sessionId, sessionVersion);
        sdp.append("m=audio ").append(localPort).append(" RTP/AVP ").append(media.audioPayloadType());
        if (media.hasTelephoneEvent()) {
            sdp.append(' ').append(media.telephoneEventPayloadType());
        }
        sdp.append(CRLF);
        sdp.append("a=rtpmap:").append(media.audioPayloadType()).append(' ').append(media.codec().name()).append("/8000").append(CRLF);
        if (media.hasTelephoneEvent()) {
            appendTelephoneEvent(sdp, media.telephoneEventPayloadType());
        }
        sdp.append("a=ptime:20").append(CRLF);
        sdp.append("a=").append(answerDirection(offer.direction()).attribute()).append(CRLF);
        return sdp.toString();
    }

    /** Our offer as a dialer: PCMU, PCMA and telephone-event, ptime 20, the given direction. */
    public static String offer(String localAddress, int localPort, long sessionId, long sessionVersion,
            MediaDirection direction) {
        StringBuilder sdp = header(localAddress, sessionId, sessionVersion);
        sdp.append("m=audio ").append(localPort).append(" RTP/AVP 0 8 ").append(OFFERED_TELEPHONE_EVENT_PT).append(CRLF);
        sdp.append("a=rtpmap:0 PCMU/8000").append(CRLF);
        sdp.append("a=rtpmap:8 PCMA/8000").append(CRLF);
        appendTelephoneEvent(sdp, OFFERED_TELEPHONE_EVENT_PT);
        sdp.append("a=ptime:20").append(CRLF);
        sdp.append("a=").append(direction.attribute()).append(CRLF);
        return sdp.toString();
    }

    private static StringBuilder header(String localAddress, long sessionId, long sessionVersion) {
        String addressType = localAddress.contains(":") ? "IP6" : "IP4";
        return new StringBuilder()
                .append("v=0").append(CRLF)
                .append("o=callsim ").append(sessionId).append(' ').append(sessionVersion)
                .append(" IN ").append(addressType).append(' ').append(localAddress).append(CRLF)
                .append("s=callsim").append(CRLF)
                .append("c=IN ").append(addressType).append(' ').append(localAddress).append(CRLF)
                .append("t=0 0").append(CRLF);
    }

    private static void appendTelephoneEvent(StringBuilder sdp, int payloadType) {
        sdp.append("a=rtpmap:").append(payloadType).append(" telephone-event/8000").append(CRLF);
        sdp.append("a=fmtp:").append(payloadType).append(" 0-16").append(CRLF);
    }

    private static Codec codecFor(int payloadType, String encodingName) {
        if (payloadType == Codec.PCMU.staticPayloadType()) {
            return Codec.PCMU;
        }
        if (payloadType == Codec.PCMA.staticPayloadType()) {
            return Codec.PCMA;
        }
        return payloadType >= 96 && encodingName != null ? Codec.byEncodingName(encodingName) : null;
    }

    private static int parseMediaLine(String value, int number, List<Integer> payloadTypes) {
        String[] parts = value.split("\\s+");
        if (parts.length < 4) {
            throw new SdpFormatException("SDP line " + number + ": m= needs media, port, protocol and formats: '" + abbreviate(value) + "'");
        }
        int port = parseNumber(parts[1].split("/")[0], number, "port");
        if (port > 65535) {
            throw new SdpFormatException("SDP line " + number + ": port out of range: " + port);
        }
        for (int i = 3; i < parts.length; i++) {
            int pt = parseNumber(parts[i], number, "payload type");
            if (pt > 127) {
                throw new SdpFormatException("SDP line " + number + ": payload type out of range: " + pt);
            }
            payloadTypes.add(pt);
        }
        return port;
    }

    private static String parseConnection(String value, int number) {
        String[] parts = value.split("\\s+");
        if (parts.length != 3 || !parts[0].equals("IN") || !(parts[1].equals("IP4") || parts[1].equals("IP6"))) {
            throw new SdpFormatException("SDP line " + number + ": c= must be 'IN IP4|IP6 <address>': '" + abbreviate(value) + "'");
        }
        return parts[2].split("/")[0];
    }

    private static void parseRtpmap(String value, int number, Map<Integer, String> encodings, Map<Integer, Integer> rates) {
        String[] parts = value.split("\\s+", 2);
        String[] encoding = parts.length == 2 ? parts[1].split("/") : new String[0];
        if (encoding.length < 2) {
            throw new SdpFormatException("SDP line " + number + ": rtpmap must be '<pt> <name>/<rate>': '" + abbreviate(value) + "'");
        }
        int pt = parseNumber(parts[0], number, "rtpmap payload type");
        encodings.put(pt, encoding[0].toUpperCase(Locale.ROOT));
        rates.put(pt, parseNumber(encoding[1], number, "rtpmap clock rate"));
    }

    private static int parseNumber(String text, int number, String what) {
        try {
            int value = Integer.parseInt(text);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new SdpFormatException("SDP line " + number + ": " + what + " is not a number: '" + abbreviate(text) + "'");
        }
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() <= 60 ? printable : printable.substring(0, 60) + "...";
    }
}
