package org.comptoir.connectors.harvest;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Which page a run reads next, when some cannot be read. A page that fails is split into the smaller
 * pages its kind offers ({@link SourceKind#split(String)}), recursively down to single records, and
 * the run goes on after it ({@link SourceKind#after(String)}, else where the last smaller page
 * pointed); a page that cannot be split is stepped over when the kind knows the page after it; else
 * the run fails. One plan per run; not thread-safe.
 */
final class PagingPlan {
    /**
     * Where to go after a page that could not be read.
     *
     * @param next the next page to read, or null when there is none
     * @param skipped whether the page is left out of the run (to report, and then nothing is withdrawn)
     */
    record Recovery(String next, boolean skipped) {}

    private final SourceKind kind;
    private final Deque<String> smallerPages = new ArrayDeque<>();
    private boolean splitting;
    private String resumeAt;
    private String lastNext;

    PagingPlan(SourceKind kind) {
        this.kind = kind;
    }

    /** After a page that was read: where it points, unless smaller pages of a split are pending. */
    String afterRead(String next) {
        if (!splitting) {
            return next;
        }
        lastNext = next;
        return continueSplit();
    }

    /**
     * After a page that could not be read.
     *
     * @throws HarvestAbortedException with {@code reason} when the kind can neither split the page
     *     nor step over it
     */
    Recovery afterFailure(String pageUrl, String reason, Throwable cause) {
        var parts = kind.split(pageUrl);
        if (!parts.isEmpty()) {
            if (!splitting) {
                splitting = true;
                resumeAt = kind.after(pageUrl);
                lastNext = null;
            }
            for (int i = parts.size() - 1; i >= 0; i--) {
                smallerPages.push(parts.get(i));
            }
            return new Recovery(smallerPages.pop(), false);
        }
        if (splitting) {
            return new Recovery(continueSplit(), true);
        }
        var after = kind.after(pageUrl);
        if (after != null) {
            return new Recovery(after, true);
        }
        throw new HarvestAbortedException(reason, cause);
    }

    private String continueSplit() {
        if (!smallerPages.isEmpty()) {
            return smallerPages.pop();
        }
        splitting = false;
        return resumeAt != null ? resumeAt : lastNext;
    }
}
