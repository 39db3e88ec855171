package callsim.telephony;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a local SIP agent ({@link SipEndpoint} or {@link SipDialer}).
 *
 * @param bindAddress   IP address to listen on and to put in SIP/SDP (e.g. 127.0.0.1 or the LAN address)
 * @param port          SIP UDP port; 0 picks a free one
 * @param rtpPorts      where per-call RTP sockets are opened
 * @param userAgent     sent in User-Agent / Server headers
 * @param answerDelay   time between 180 Ringing and 200 OK (endpoint only; zero answers at once)
 * @param mediaTimeout  hang up when no RTP arrives for this long while not on hold
 * @param ackTimeout    end an answered call whose ACK has not come by then, freeing its RTP port (endpoint only)
 * @param allow         CIDR blocks that may call the endpoint; empty: the default for the bind address ({@link AllowedPeers})
 */
public record SipEndpointConfig(
        String bindAddress, int port, PortRange rtpPorts, String userAgent, Duration answerDelay, Duration mediaTimeout,
        Duration ackTimeout, java.util.List<String> allow) {

    public static final Duration DEFAULT_MEDIA_TIMEOUT = Duration.ofSeconds(60);
    /** A phone ACKs a 200 OK within a round trip; RFC 3261's 32 s only covers retransmissions on a lossy path. */
    public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(8);

    public SipEndpointConfig(String bindAddress, int port, PortRange rtpPorts, String userAgent, Duration answerDelay,
                             Duration mediaTimeout) {
        this(bindAddress, port, rtpPorts, userAgent, answerDelay, mediaTimeout, DEFAULT_ACK_TIMEOUT, java.util.List.of());
    }

    public SipEndpointConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(rtpPorts, "rtpPorts");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(answerDelay, "answerDelay");
        Objects.requireNonNull(mediaTimeout, "mediaTimeout");
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        allow = allow == null ? java.util.List.of() : java.util.List.copyOf(allow);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("SIP port must be 0..65535, was " + port);
        }
        if (answerDelay.isNegative() || mediaTimeout.isNegative() || mediaTimeout.isZero()) {
            throw new IllegalArgumentException("answerDelay must be >= 0 and mediaTimeout > 0");
        }
        if (ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("ackTimeout must be > 0");
        }
    }

    /** Loopback, a free SIP port, ephemeral RTP ports, immediate answer, 60 s media timeout. */
    public static SipEndpointConfig loopback() {
        return new SipEndpointConfig("127.0.0.1", 0, PortRange.EPHEMERAL, "callsim", Duration.ZERO, DEFAULT_MEDIA_TIMEOUT);
    }

    public SipEndpointConfig withBindAddress(String newBindAddress) {
        return new SipEndpointConfig(newBindAddress, port, rtpPorts, userAgent, answerDelay, mediaTimeout, ackTimeout, allow);
    }

    public SipEndpointConfig withPort(int newPort) {
        return new SipEndpointConfig(bindAddress, newPort, rtpPorts, userAgent, answerDelay, mediaTimeout, ackTimeout, allow);
    }

    public SipEndpointConfig withRtpPorts(PortRange newRtpPorts) {
        return new SipEndpointConfig(bindAddress, port, newRtpPorts, userAgent, answerDelay, mediaTimeout, ackTimeout, allow);
    }

    public SipEndpointConfig withUserAgent(String newUserAgent) {
        return new SipEndpointConfig(bindAddress, port, rtpPorts, newUserAgent, answerDelay, mediaTimeout, ackTimeout, allow);
    }

    public SipEndpointConfig withAnswerDelay(Duration newAnswerDelay) {
        return new SipEndpointConfig(bindAddress, port, rtpPorts, userAgent, newAnswerDelay, mediaTimeout, ackTimeout, allow);
    }

    public SipEndpointConfig withMediaTimeout(Duration newMediaTimeout) {
        return new SipEndpointConfig(bindAddress, port, rtpPorts, userAgent, answerDelay, newMediaTimeout, ackTimeout, allow);
    }

    public SipEndpointConfig withAckTimeout(Duration newAckTimeout) {
        return new SipEndpointConfig(bindAddress, port, rtpPorts, userAgent, answerDelay, mediaTimeout, newAckTimeout, allow);
    }

    /** CIDR blocks allowed to call; empty restores the default for the bind address. */
    public SipEndpointConfig withAllow(java.util.List<String> newAllow) {
        return new SipEndpointConfig(bindAddress, port, rtpPorts, userAgent, answerDelay, mediaTimeout, ackTimeout, newAllow);
    }
}
