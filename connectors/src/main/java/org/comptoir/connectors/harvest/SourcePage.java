package org.comptoir.connectors.harvest;

import java.util.List;
import org.comptoir.catalog.ingest.HarvestedRecord;

/**
 * One page of a source, mapped.
 *
 * @param records one per dataset (or dataset series) on the page
 * @param next the next page's absolute URL, or null on the last page
 * @param totalItems how many datasets the source says it holds in all, or null
 */
public record SourcePage(List<HarvestedRecord> records, String next, Long totalItems) {
    public SourcePage {
        records = List.copyOf(records);
    }
}
