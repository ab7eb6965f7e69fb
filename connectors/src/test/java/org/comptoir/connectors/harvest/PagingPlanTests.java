package org.comptoir.connectors.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PagingPlanTests {
    /** An offset-paged source: pages {@code start,rows}; split in halves; the page after is known. */
    private static final SourceKind OFFSET = new TestKind(true, true);

    @Test
    void followsThePagesWhileTheyCanBeRead() {
        var plan = new PagingPlan(OFFSET);

        assertThat(plan.afterRead("4,4")).isEqualTo("4,4");
        assertThat(plan.afterRead(null)).isNull();
    }

    @Test
    void splitsAFailingPageDownToTheBadRecordThenGoesOnAfterIt() {
        var plan = new PagingPlan(OFFSET);

        var first = plan.afterFailure("4,4", "illisible", null);
        assertThat(first).isEqualTo(new PagingPlan.Recovery("4,2", false));
        assertThat(plan.afterFailure("4,2", "illisible", null)).isEqualTo(new PagingPlan.Recovery("4,1", false));
        assertThat(plan.afterRead("5,1")).isEqualTo("5,1");
        assertThat(plan.afterFailure("5,1", "illisible", null)).isEqualTo(new PagingPlan.Recovery("6,2", true));
        assertThat(plan.afterRead("8,2")).isEqualTo("8,4");
        assertThat(plan.afterRead(null)).isNull();
    }

    @Test
    void stepsOverAPageItCannotSplit() {
        var plan = new PagingPlan(new TestKind(false, true));

        assertThat(plan.afterFailure("4,4", "illisible", null)).isEqualTo(new PagingPlan.Recovery("8,4", true));
    }

    @Test
    void failsTheRunWhenTheKindCanNeitherSplitNorStepOver() {
        var plan = new PagingPlan(new TestKind(false, false));

        assertThatThrownBy(() -> plan.afterFailure("4,4", "la page 4,4 est illisible", null))
                .isInstanceOf(HarvestAbortedException.class)
                .hasMessage("la page 4,4 est illisible");
    }

    private record TestKind(boolean splits, boolean knowsAfter) implements SourceKind {
        @Override
        public String name() {
            return "offset";
        }

        @Override
        public String accept() {
            return "application/json";
        }

        @Override
        public String firstPage(String url, int pageSize) {
            return "0," + pageSize;
        }

        @Override
        public List<String> split(String pageUrl) {
            int start = Integer.parseInt(pageUrl.split(",")[0]);
            int rows = Integer.parseInt(pageUrl.split(",")[1]);
            if (!splits || rows == 1) {
                return List.of();
            }
            return List.of(start + "," + rows / 2, (start + rows / 2) + "," + (rows - rows / 2));
        }

        @Override
        public String after(String pageUrl) {
            int start = Integer.parseInt(pageUrl.split(",")[0]);
            int rows = Integer.parseInt(pageUrl.split(",")[1]);
            return knowsAfter ? (start + rows) + "," + rows : null;
        }

        @Override
        public SourcePage read(byte[] body, String contentType, String pageUrl) {
            throw new UnsupportedOperationException();
        }
    }
}
