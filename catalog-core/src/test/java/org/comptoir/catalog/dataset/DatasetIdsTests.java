package org.comptoir.catalog.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DatasetIdsTests {
    @Test
    void makesDistinctVersion7IdentifiersThatSortInTheOrderTheyWereMade() {
        var ids = new ArrayList<String>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(DatasetIds.next());
        }

        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        assertThat(ids)
                .allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(7));
        assertThat(ids).as("a batch's rows land side by side in the indexes").isSorted();
    }

    @Test
    void makesDistinctIdentifiersOnEveryThreadAtOnce() {
        // a harvest's batch is prepared on every core
        var ids = IntStream.range(0, 20_000)
                .parallel()
                .mapToObj(i -> DatasetIds.next())
                .toList();

        assertThat(new HashSet<>(ids)).hasSize(20_000);
    }
}
