package callsim.speech;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How far the live search narrows while it is behind the call's audio. */
class CatchUpActiveListFactoryTest {
    @Test
    void keepsTheFullBeamWhileKeepingUpAndNarrowsToTheFloorFarBehind() {
        assertThat(CatchUpActiveListFactory.width(3000, 1200, 0)).isEqualTo(3000);
        assertThat(CatchUpActiveListFactory.width(3000, 1200, CatchUpActiveListFactory.CATCH_UP_FROM_MS)).isEqualTo(3000);
        long halfway = (CatchUpActiveListFactory.CATCH_UP_FROM_MS + CatchUpActiveListFactory.FLOOR_FROM_MS) / 2;
        assertThat(CatchUpActiveListFactory.width(3000, 1200, halfway)).isEqualTo(2100);
        assertThat(CatchUpActiveListFactory.width(3000, 1200, CatchUpActiveListFactory.FLOOR_FROM_MS)).isEqualTo(1200);
        assertThat(CatchUpActiveListFactory.width(3000, 1200, 60_000)).isEqualTo(1200);
    }

    @Test
    void aSetUpWithoutACatchUpBeamNeverNarrows() {
        assertThat(CatchUpActiveListFactory.width(10000, 10000, 60_000)).isEqualTo(10000);
    }
}
