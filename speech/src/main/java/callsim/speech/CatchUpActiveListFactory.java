package callsim.speech;

import edu.cmu.sphinx.decoder.search.ActiveList;
import edu.cmu.sphinx.decoder.search.PartitionActiveListFactory;
import edu.cmu.sphinx.util.props.PropertyException;
import edu.cmu.sphinx.util.props.PropertySheet;
import edu.cmu.sphinx.util.props.S4Integer;
import java.util.function.LongSupplier;

/**
 * Sphinx4's partition active list, whose absolute beam narrows while the recogniser is behind live audio.
 * When more agents talk at once than the cores can decode at the full beam, every decoder falls behind
 * the line and every caller waits for words (BENCHMARKS.md (a)); a narrower beam costs words heard wrong
 * live (the caller reacts to them; the score's evidence comes from the post-call transcript, which never
 * narrows) and lets the decoder catch up. From {@link #CATCH_UP_FROM_MS} behind, the beam shrinks linearly
 * to {@code minAbsoluteBeamWidth} at {@link #FLOOR_FROM_MS} behind, and widens again as the decoder catches up.
 *
 * <p>Used on its recogniser's decoding thread only; {@link #follow} is set per turn by that thread.
 */
public class CatchUpActiveListFactory extends PartitionActiveListFactory {
    /**
     * Behind by this much or less, the full beam. A turn's words are due 300 ms after its end-of-turn pause
     * (450 ms or more), so a decoder this far behind when the agent stops is still on time at 1.7 times real
     * time, about a third of a core at live's cost. Narrowing sooner lost words whenever another process
     * briefly took the cores, with a single drill on the line (BENCHMARKS.md (a)).
     */
    static final long CATCH_UP_FROM_MS = 800;
    /** Behind by this much or more, the narrowest beam. */
    static final long FLOOR_FROM_MS = 1800;

    /** The narrowest absolute beam when far behind (RecognizerSetup.catchUpBeamWidth); the full beam or more: never narrows. */
    @S4Integer
    public static final String PROP_MIN_ABSOLUTE_BEAM_WIDTH = "minAbsoluteBeamWidth";

    private int fullWidth;
    private int minWidth;
    private LongSupplier behindMs = () -> 0;
    private volatile long narrowed; // written by the decoding thread only, read by the pool's statistics
    private long turnSteps;
    private long turnNarrowed;

    @Override
    public void newProperties(PropertySheet ps) throws PropertyException {
        super.newProperties(ps);
        fullWidth = absoluteBeamWidth;
        minWidth = Math.min(fullWidth, ps.getInt(PROP_MIN_ABSOLUTE_BEAM_WIDTH));
    }

    /** How far behind live audio the turn being decoded is, in ms (0 for audio that is not live). */
    void follow(LongSupplier behindLiveMs) {
        this.behindMs = behindLiveMs;
        turnSteps = 0;
        turnNarrowed = 0;
    }

    /** The share of the search steps since {@link #follow} that were made narrower: 0 to 1. */
    double turnNarrowedShare() {
        return turnSteps == 0 ? 0 : (double) turnNarrowed / turnSteps;
    }

    /** Search steps (active lists, one or a few per frame) made narrower than the full beam so far. */
    long narrowedSteps() {
        return narrowed;
    }

    @Override
    public ActiveList newInstance() {
        absoluteBeamWidth = width(fullWidth, minWidth, behindMs.getAsLong());
        turnSteps++;
        if (absoluteBeamWidth < fullWidth) {
            narrowed++;
            turnNarrowed++;
        }
        return super.newInstance();
    }

    /** The beam for a decoder {@code behindMs} behind live audio. */
    static int width(int full, int min, long behindMs) {
        if (behindMs <= CATCH_UP_FROM_MS) return full;
        if (behindMs >= FLOOR_FROM_MS) return min;
        double share = (double) (behindMs - CATCH_UP_FROM_MS) / (FLOOR_FROM_MS - CATCH_UP_FROM_MS);
        return (int) Math.round(full - share * (full - min));
    }
}
