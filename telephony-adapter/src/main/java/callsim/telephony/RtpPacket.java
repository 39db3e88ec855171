package callsim.telephony;

import java.util.Arrays;

/**
 * One RTP packet (RFC 3550). {@link #parse} accepts what real peers send (CSRC list, header
 * extension, padding) and rejects anything that is not RTP version 2 or is cut short;
 * {@link #toBytes} writes the plain 12-byte header we send ourselves.
 */
public final class RtpPacket {
    /** Size of the fixed header. */
    public static final int HEADER_BYTES = 12;
    private static final int VERSION = 2;

    private final boolean marker;
    private final int payloadType;
    private final int sequenceNumber;
    private final long timestamp;
    private final long ssrc;
    private final byte[] payload;

    public RtpPacket(boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc, byte[] payload) {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("RTP payload type must be 0..127, was " + payloadType);
        }
        this.marker = marker;
        this.payloadType = payloadType;
        this.sequenceNumber = sequenceNumber & 0xFFFF;
        this.timestamp = timestamp & 0xFFFFFFFFL;
        this.ssrc = ssrc & 0xFFFFFFFFL;
        this.payload = payload.clone();
    }

    /**
     * Parses {@code length} bytes of a datagram.
     *
     * @throws MalformedPacketException when the bytes are not a complete RTP version 2 packet
     */
    public static RtpPacket parse(byte[] data, int length) {
        if (length > data.length) {
            throw new IllegalArgumentException("length " + length + " exceeds buffer of " + data.length);
        }
        if (length < HEADER_BYTES) {
            throw new MalformedPacketException("RTP packet too short: " + length + " bytes, header needs 12");
        }
        int first = data[0] & 0xFF;
        int version = first >> 6;
        if (version != VERSION) {
            throw new MalformedPacketException("not RTP version 2 (version field is " + version + ")");
        }
        boolean padding = (first & 0x20) != 0;
        boolean extension = (first & 0x10) != 0;
        int csrcCount = first & 0x0F;
        int second = data[1] & 0xFF;
        int offset = HEADER_BYTES + 4 * csrcCount;
        if (offset > length) {
            throw new MalformedPacketException("RTP packet too short for " + csrcCount + " CSRC entries: " + length + " bytes");
        }
        if (extension) {
            if (offset + 4 > length) {
                throw new MalformedPacketException("RTP header extension cut short at " + length + " bytes");
            }
            int extensionWords = readUnsigned16(data, offset + 2);
            offset += 4 + 4 * extensionWords;
            if (offset > length) {
                throw new MalformedPacketException("RTP header extension of " + extensionWords + " words exceeds the packet");
            }
        }
        int end = length;
        if (padding) {
            int paddingBytes = data[length - 1] & 0xFF;
            if (paddingBytes == 0 || end - paddingBytes < offset) {
                throw new MalformedPacketException("invalid RTP padding count " + paddingBytes);
            }
            end -= paddingBytes;
        }
        return new RtpPacket(
                (second & 0x80) != 0,
                second & 0x7F,
                readUnsigned16(data, 2),
                readUnsigned32(data, 4),
                readUnsigned32(data, 8),
                Arrays.copyOfRange(data, offset, end));
    }

    /** The packet on the wire: fixed header (no CSRC, extension or padding) and the payload. */
    public byte[] toBytes() {
        byte[] out = new byte[HEADER_BYTES + payload.length];
        out[0] = (byte) (VERSION << 6);
        out[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        out[2] = (byte) (sequenceNumber >> 8);
        out[3] = (byte) sequenceNumber;
        writeUnsigned32(out, 4, timestamp);
        writeUnsigned32(out, 8, ssrc);
        System.arraycopy(payload, 0, out, HEADER_BYTES, payload.length);
        return out;
    }

    public boolean marker() {
        return marker;
    }

    public int payloadType() {
        return payloadType;
    }

    public int sequenceNumber() {
        return sequenceNumber;
    }

    public long timestamp() {
        return timestamp;
    }

    public long ssrc() {
        return ssrc;
    }

    /** A copy of the payload (without padding). */
    public byte[] payload() {
        return payload.clone();
    }

    public int payloadLength() {
        return payload.length;
    }

    byte[] payloadUnsafe() {
        return payload;
    }

    @Override
    public String toString() {
        return "RtpPacket[pt=" + payloadType + ", seq=" + sequenceNumber + ", ts=" + timestamp
                + ", ssrc=" + Long.toHexString(ssrc) + ", marker=" + marker + ", payload=" + payload.length + "B]";
    }

    private static int readUnsigned16(byte[] data, int at) {
        return ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF);
    }

    private static long readUnsigned32(byte[] data, int at) {
        return ((long) (data[at] & 0xFF) << 24) | ((data[at + 1] & 0xFF) << 16)
                | ((data[at + 2] & 0xFF) << 8) | (data[at + 3] & 0xFF);
    }

    private static void writeUnsigned32(byte[] out, int at, long value) {
        out[at] = (byte) (value >> 24);
        out[at + 1] = (byte) (value >> 16);
        out[at + 2] = (byte) (value >> 8);
        out[at + 3] = (byte) value;
    }
}
