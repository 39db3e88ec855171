package callsim.telephony.audiosocket;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns arbitrary chunks of a TCP stream into whole frames (headers and payloads may be split
 * anywhere). A bad header is rejected as soon as its three bytes are in, before any payload is
 * buffered. After an exception the stream is unusable and further input is refused. Not thread-safe.
 */
public final class AudioSocketDecoder {
    private final byte[] header = new byte[AudioSocketCodec.HEADER_BYTES];
    private int headerFilled;
    private AudioSocketFrame.Kind kind;
    private byte[] payload;
    private int payloadFilled;
    private boolean failed;

    public List<AudioSocketFrame> feed(byte[] chunk) {
        return feed(chunk, 0, chunk.length);
    }

    /** Consumes {@code length} bytes from {@code offset} and returns the frames they complete, in order. */
    public List<AudioSocketFrame> feed(byte[] chunk, int offset, int length) {
        if (failed) {
            throw new IllegalStateException("the AudioSocket stream already broke the protocol");
        }
        List<AudioSocketFrame> frames = new ArrayList<>(2);
        int index = offset;
        int end = offset + length;
        try {
            while (index < end) {
                if (kind == null) {
                    int take = Math.min(header.length - headerFilled, end - index);
                    System.arraycopy(chunk, index, header, headerFilled, take);
                    headerFilled += take;
                    index += take;
                    if (headerFilled == header.length) {
                        startPayload(frames);
                    }
                } else {
                    int take = Math.min(payload.length - payloadFilled, end - index);
                    System.arraycopy(chunk, index, payload, payloadFilled, take);
                    payloadFilled += take;
                    index += take;
                    if (payloadFilled == payload.length) {
                        complete(frames);
                    }
                }
            }
        } catch (AudioSocketProtocolException e) {
            failed = true;
            throw e;
        }
        return frames;
    }

    /** True when some bytes of a frame have arrived but not all of it. */
    public boolean isMidFrame() {
        return headerFilled > 0;
    }

    /** How much of the unfinished frame arrived, for the log line when a peer vanishes. */
    public String describePartialFrame() {
        if (kind == null) {
            return headerFilled + " of " + header.length + " header bytes";
        }
        return kind + " payload " + payloadFilled + " of " + payload.length + " bytes";
    }

    private void startPayload(List<AudioSocketFrame> frames) {
        AudioSocketFrame.Kind parsed = AudioSocketFrame.Kind.ofType(header[0] & 0xff);
        int length = ((header[1] & 0xff) << 8) | (header[2] & 0xff);
        parsed.checkLength(length);
        kind = parsed;
        payload = new byte[length];
        payloadFilled = 0;
        if (length == 0) {
            complete(frames);
        }
    }

    private void complete(List<AudioSocketFrame> frames) {
        frames.add(new AudioSocketFrame(kind, payload));
        kind = null;
        payload = null;
        headerFilled = 0;
    }
}
