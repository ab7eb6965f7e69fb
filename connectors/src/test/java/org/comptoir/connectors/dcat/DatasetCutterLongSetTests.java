package org.comptoir.connectors.dcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DatasetCutterLongSetTests {
    @Test
    void holdsEveryValueAddedAcrossGrowthsAndNoOther() {
        var set = new DatasetCutter.LongSet();
        var added = new HashSet<Long>();
        var random = new SplittableRandom(3);
        for (int i = 0; i < 300_000; i++) {
            long value = random.nextLong();
            if (value != 0) {
                set.add(value);
                added.add(value);
            }
        }
        for (long i = 1; i <= 2_000; i++) {
            set.add(i << 56); // all in few segments
            added.add(i << 56);
        }

        assertThat(added).allMatch(set::contains);
        var others = new SplittableRandom(4);
        for (int i = 0; i < 100_000; i++) {
            long value = others.nextLong();
            assertThat(set.contains(value)).isEqualTo(added.contains(value));
        }
    }
}
