package callsim.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Naming a recogniser set-up, as the bench and serve's options do. */
class RecognizerSetupTest {
    @Test
    void aVariationChangesOnlyWhatItNames() {
        RecognizerSetup wider = RecognizerSetup.parse("live,absoluteBeamWidth=8000,growSkipInterval=0");

        assertThat(wider.absoluteBeamWidth()).isEqualTo(8000);
        assertThat(wider.growSkipInterval()).isZero();
        assertThat(wider.languageModel()).isEqualTo(RecognizerSetup.LIVE.languageModel());
        assertThat(wider.languageWeight()).isEqualTo(RecognizerSetup.LIVE.languageWeight());
        assertThat(wider.name()).isEqualTo("live,absoluteBeamWidth=8000,growSkipInterval=0");
    }

    @Test
    void cachedSuccessorsAreForThePlainSearchOnly() {
        assertThat(RecognizerSetup.parse("live,cachedStates=0").configXml(null)).contains("value=\"wordPruningSearchManager\"");
        assertThatThrownBy(() -> RecognizerSetup.parse("live,phoneLookahead=true")).hasMessageContaining("plain search");
        assertThatThrownBy(() -> RecognizerSetup.parse("live,cachedStates=-1")).hasMessageContaining("negative");
    }

    @Test
    void onlyTheLiveSearchNarrowsWhenBehindAndTheRecordingsSearchNeverDoes() {
        assertThat(RecognizerSetup.LIVE.configXml(null)).contains("name=\"catchUpBeamWidth\"  value=\"1200\"");
        // 0 writes the full beam as the floor: the accurate search (post-call, transcribe) never narrows
        assertThat(RecognizerSetup.ACCURATE.configXml(null)).contains("name=\"catchUpBeamWidth\"  value=\"10000\"");
        assertThat(RecognizerSetup.parse("live,catchUpBeamWidth=0").configXml(null)).contains("name=\"catchUpBeamWidth\"  value=\"4000\"");
        assertThatThrownBy(() -> RecognizerSetup.parse("live,catchUpBeamWidth=50")).hasMessageContaining("at least 100");
    }

    @Test
    void theRelativeBeamCanBeVariedAndReachesTheConfiguration() {
        assertThat(RecognizerSetup.LIVE.configXml(null)).contains("name=\"relativeBeamWidth\"  value=\"1.0E-42\"");
        RecognizerSetup looser = RecognizerSetup.parse("live,relativeBeamWidth=1e-60");
        assertThat(looser.relativeBeamWidth()).isEqualTo(1e-60);
        assertThat(looser.configXml(null)).contains("name=\"relativeBeamWidth\"  value=\"1.0E-60\"");
        assertThatThrownBy(() -> RecognizerSetup.parse("live,relativeBeamWidth=0")).hasMessageContaining("above 0");
        assertThatThrownBy(() -> RecognizerSetup.parse("live,relativeBeamWidth=2")).hasMessageContaining("at most 1");
    }

    @Test
    void thePhoneLinePriorIsLiveOnlyAndNeedsSpeakerAdaptation() {
        assertThat(RecognizerSetup.LIVE.channelPrior()).isTrue();
        assertThat(RecognizerSetup.parse("live,channelPrior=false").channelPrior()).isFalse();
        assertThat(RecognizerSetup.ACCURATE.channelPrior()).isFalse();
        RecognizerSetup unadapted = RecognizerSetup.parse("live,speakerAdaptation=false");
        assertThat(unadapted.channelPrior()).as("no adapting, no prior to start it from").isFalse();
        assertThatThrownBy(() -> RecognizerSetup.parse("live,speakerAdaptation=false,channelPrior=true"))
            .hasMessageContaining("channelPrior needs speakerAdaptation");
    }

    @Test
    void unknownNamesAndKeysAreRefusedSayingWhatIsKnown() {
        assertThatThrownBy(() -> RecognizerSetup.parse("fast")).hasMessageContaining("live, accurate, domain, generic");
        assertThatThrownBy(() -> RecognizerSetup.parse("live,beam=3")).hasMessageContaining("absoluteBeamWidth");
        assertThatThrownBy(() -> RecognizerSetup.parse("live,absoluteBeamWidth=50")).hasMessageContaining("too small");
    }

    @Test
    void theConfigurationNamesTheChosenSearchLanguageModelAndFrontEnd() {
        String live = RecognizerSetup.LIVE.configXml("file:/tmp/domain.lm");
        String domain = RecognizerSetup.DOMAIN.configXml("file:/tmp/domain.lm");

        assertThat(live).contains("name=\"languageModel\" value=\"mixedModel\"", "value=\"cachedArcsSearchManager\"",
            "name=\"cachedStates\" value=\"20000\"",
            "name=\"frontEnd\" value=\"phoneFrontEnd\"", "file:/tmp/domain.lm").doesNotContain("value=\"@");
        assertThat(live).contains("name=\"ownGenericModel\" value=\"false\"");
        assertThat(RecognizerSetup.ACCURATE.configXml("file:/tmp/domain.lm", true)).contains("name=\"ownGenericModel\" value=\"true\"");
        assertThat(domain).contains("name=\"languageModel\" value=\"simpleNGramModel\"",
            "value=\"wordPruningLookaheadSearchManager\"", "name=\"frontEnd\" value=\"liveFrontEnd\"");
    }
}
