package callsim.telephony.audiosocket;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/**
 * AudioSocket wire format as pure functions: a 3-byte header (type, big-endian payload length)
 * then the payload. Decoding a stream is {@link AudioSocketDecoder}'s job.
 */
public final class AudioSocketCodec {
    public static final int HEADER_BYTES = 3;

    private AudioSocketCodec() {}

    /** Header and payload in one array, so each frame goes out in a single socket write. */
    public static byte[] encode(AudioSocketFrame frame) {
        byte[] payload = frame.payload();
        byte[] wire = new byte[HEADER_BYTES + payload.length];
        wire[0] = (byte) frame.kind().type();
        wire[1] = (byte) (payload.length >>> 8);
        wire[2] = (byte) payload.length;
        System.arraycopy(payload, 0, wire, HEADER_BYTES, payload.length);
        return wire;
    }

    /** The 16 raw bytes of the UUID, most significant first, as Asterisk's uuid_parse writes them. */
    public static byte[] uuidToBytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    public static UUID uuidFromBytes(byte[] bytes) {
        if (bytes.length != 16) {
            throw new AudioSocketProtocolException("an AudioSocket UUID is 16 bytes, got " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    public static byte[] samplesToLittleEndian(short[] samples) {
        ByteBuffer buffer = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asShortBuffer().put(samples);
        return buffer.array();
    }

    public static short[] samplesFromLittleEndian(byte[] bytes) {
        if (bytes.length % 2 != 0) {
            throw new AudioSocketProtocolException("audio of " + bytes.length + " bytes is not whole 16-bit samples");
        }
        short[] samples = new short[bytes.length / 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
    }
}
