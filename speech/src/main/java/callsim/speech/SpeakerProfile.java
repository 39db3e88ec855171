package callsim.speech;

/**
 * What the recogniser has learnt about one speaker's voice on this line: the running cepstral mean of
 * their speech ({@link SpeakerNormalizer}) and, once a few seconds of it are in, how the acoustic model
 * is adapted to them ({@link SpeakerAdaptation}). One per drill's agent, passed with each of their turns
 * ({@link RecognizerPool#startTurn(SpeakerProfile)}), so every turn is heard through what was learnt of
 * the agent whichever recogniser decodes it. Two turns of one drill may be decoded at once, so it is guarded.
 */
public final class SpeakerProfile {
    /** False for a {@link #settled()} copy: it hears through what was learnt and learns nothing more. */
    private final boolean learning;
    private SpeakerAdaptation adaptation;
    private double[] sum;
    private double[] mean;
    private int frames;

    public SpeakerProfile() {
        this(true);
    }

    private SpeakerProfile(boolean learning) {
        this.learning = learning;
    }

    /**
     * What was learnt of this speaker so far, fixed: turns heard through the copy use this cepstral mean and
     * adaptation and add nothing to them (hearing a turn a second time must not count its frames twice).
     */
    public synchronized SpeakerProfile settled() {
        SpeakerProfile copy = new SpeakerProfile(false);
        copy.adaptation = adaptation;
        copy.mean = mean == null ? null : mean.clone();
        return copy;
    }

    /** Whether turns heard through this profile add to what it knows of the speaker. */
    boolean learning() {
        return learning;
    }

    synchronized void normalize(double[] cepstrum, double[] prior) {
        if (!learning) { // a settled copy: subtract the mean it was given, learn nothing
            if (mean != null) for (int i = 0; i < cepstrum.length; i++) cepstrum[i] -= mean[i];
            return;
        }
        if (sum == null) {
            sum = new double[cepstrum.length];
            mean = new double[cepstrum.length];
            if (prior != null && prior.length == cepstrum.length) {
                for (int i = 0; i < sum.length; i++) sum[i] = prior[i] * SpeakerNormalizer.PRIOR_FRAMES;
                frames = SpeakerNormalizer.PRIOR_FRAMES;
                System.arraycopy(prior, 0, mean, 0, mean.length);
            } else {
                System.arraycopy(cepstrum, 0, mean, 0, mean.length); // no prior: the first frame is the best guess
            }
        }
        if (cepstrum[0] >= 0) {
            for (int i = 0; i < cepstrum.length; i++) sum[i] += cepstrum[i];
            frames++;
            // refresh often while the speaker is new, then every 10 frames (0.1 s)
            if (frames < SpeakerNormalizer.PRIOR_FRAMES + 100 || frames % 10 == 0) {
                for (int i = 0; i < mean.length; i++) mean[i] = sum[i] / frames;
            }
            if (frames >= SpeakerNormalizer.SHIFT) {
                double scale = SpeakerNormalizer.WINDOW / (double) frames;
                for (int i = 0; i < sum.length; i++) sum[i] *= scale;
                frames = SpeakerNormalizer.WINDOW;
            }
        }
        for (int i = 0; i < cepstrum.length; i++) cepstrum[i] -= mean[i];
    }

    /** This speaker's adaptation of {@code model}, begun empty on their first turn. */
    synchronized SpeakerAdaptation adaptation(AdaptableMeans model) {
        if (adaptation == null) adaptation = model.newSpeaker();
        return adaptation;
    }

    /**
     * The transform to hear this speaker's next turn through: their own once enough of their speech is in, until
     * then the phone line's in general ({@link ChannelPrior}) if the model has one, else none.
     */
    synchronized SpeakerAdaptation.MeanTransform transform(AdaptableMeans model) {
        SpeakerAdaptation.MeanTransform own = adaptation(model).transform();
        return own != null ? own : model.channelPrior();
    }

    /** The transform learnt of this speaker alone so far, or null while too little of their speech is in. */
    synchronized SpeakerAdaptation.MeanTransform ownTransform() {
        return adaptation == null ? null : adaptation.transform();
    }

    /** Seconds of this speaker's decoded speech the acoustic model has been adapted on so far. */
    public synchronized double adaptedSeconds() {
        return adaptation == null || adaptation.transform() == null ? 0 : adaptation.frames() / 100.0;
    }

    synchronized double[] mean() {
        return mean == null ? null : mean.clone();
    }
}
