package io.lambda.batch.archive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdHashSetTests {

    @Test
    void shouldAddEachIdOnceAndReportEveryRepeat() {
        IdHashSet ids = new IdHashSet();

        int added = 0;
        int repeated = 0;
        for (int i = 0; i < 200_000; i++) {
            added += ids.add("id-" + i) ? 1 : 0;
        }
        for (int i = 0; i < 200_000; i += 7) {
            repeated += ids.add("id-" + i) ? 0 : 1;
        }

        assertThat(added).isEqualTo(200_000);
        assertThat(repeated).isEqualTo(28_572);
        assertThat(ids.size()).isEqualTo(200_000);
    }

    @Test
    void shouldHoldAtMost32BytesPerIdOnceItOutgrowsItsFirstTable() {
        IdHashSet ids = new IdHashSet();
        double worst = 0;

        for (int i = 1; i <= 300_000; i++) {
            ids.add("event-" + i);
            if (i >= 1_000) { // the first table (1,024 slots, 16 KiB) is a floor
                worst = Math.max(worst, ids.bytesPerId());
            }
        }

        assertThat(worst).isLessThanOrEqualTo(32.0);
        assertThat(ids.bytesPerId()).isGreaterThanOrEqualTo(20.0);
    }

    @Test
    void shouldKeepTheAllZeroHashApartFromEmptySlots() {
        IdHashSet ids = new IdHashSet();

        assertThat(ids.add(0, 0)).isTrue();
        assertThat(ids.add(0, 0)).isFalse();
        assertThat(ids.size()).isEqualTo(1);
    }
}
