package callsim.telephony;

import java.util.function.Consumer;

/**
 * Re-cuts decoded audio of any packet size (10, 20, 30 ms...) into 20 ms frames of
 * {@link CallLine#FRAME_SAMPLES} samples. Not thread-safe: one per receiver.
 */
public final class FrameAssembler {
    private final short[] pending = new short[CallLine.FRAME_SAMPLES];
    private int filled;

    /** Appends samples and hands every completed frame (a fresh array) to {@code frameSink}. */
    public void push(short[] samples, Consumer<short[]> frameSink) {
        int index = 0;
        while (index < samples.length) {
            int take = Math.min(pending.length - filled, samples.length - index);
            System.arraycopy(samples, index, pending, filled, take);
            filled += take;
            index += take;
            if (filled == pending.length) {
                frameSink.accept(pending.clone());
                filled = 0;
            }
        }
    }
}
