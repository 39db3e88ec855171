package callsim.telephony;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A scripted SIP peer over a plain UDP socket on 127.0.0.1, for byte-exact checks of responses. */
final class RawSipPeer implements AutoCloseable {
    private final DatagramSocket socket;
    private final int endpointPort;

    RawSipPeer(int endpointPort) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.socket.setSoTimeout(5000);
        this.endpointPort = endpointPort;
    }

    int port() {
        return socket.getLocalPort();
    }

    void send(String message) throws IOException {
        sendBytes(message.getBytes(StandardCharsets.UTF_8));
    }

    void sendBytes(byte[] bytes) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), endpointPort));
    }

    /** The next SIP message received, or fails after 5 s. */
    String receive() throws IOException {
        byte[] buffer = new byte[8192];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no SIP message from the endpoint within 5 s", e);
        }
        return new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8);
    }

    /** Skips provisional responses and returns the first final response. */
    String receiveFinal() throws IOException {
        while (true) {
            String message = receive();
            if (!message.startsWith("SIP/2.0 1")) {
                return message;
            }
        }
    }

    static String statusLine(String message) {
        return message.substring(0, message.indexOf("\r\n"));
    }

    String request(String method, String callId, int cseq, String toTag, String extraHeaders, String body) {
        String bodyText = body == null ? "" : body;
        return method + " sip:7000@127.0.0.1:" + endpointPort + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port() + ";branch=z9hG4bK" + UUID.randomUUID().toString().replace("-", "") + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:agent@127.0.0.1>;tag=rawpeer\r\n"
                + "To: <sip:7000@127.0.0.1>" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Contact: <sip:agent@127.0.0.1:" + port() + ">\r\n"
                + extraHeaders
                + "Content-Length: " + bodyText.getBytes(StandardCharsets.UTF_8).length + "\r\n"
                + "\r\n"
                + bodyText;
    }

    String invite(String callId, String sdp) {
        return request("INVITE", callId, 1, null, sdp == null ? "" : "Content-Type: application/sdp\r\n", sdp);
    }

    static String sdpOffer(int rtpPort, String payloadTypes) {
        return "v=0\r\no=agent 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + rtpPort + " RTP/AVP " + payloadTypes + "\r\na=sendrecv\r\n";
    }

    /** The ACK for a final response (same Call-ID, the response's To tag). */
    String ackFor(String response, String callId) {
        return request("ACK", callId, 1, header(response, "To").replaceAll(".*;tag=([^;\\s]+).*", "$1"), "", null);
    }

    static String header(String message, String name) {
        for (String line : message.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        throw new AssertionError("no " + name + " header in:\n" + message);
    }

    static int sdpAudioPort(String message) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("m=audio (\\d+) ").matcher(message);
        if (!matcher.find()) {
            throw new AssertionError("no m=audio line in:\n" + message);
        }
        return Integer.parseInt(matcher.group(1));
    }

    @Override
    public void close() {
        socket.close();
    }
}
