package org.comptoir.connectors.dcat;

import java.util.List;
import org.comptoir.catalog.ingest.HarvestedRecord;

/**
 * One page of a DCAT catalogue, mapped.
 *
 * @param records one per dataset (or dataset series) described on the page
 * @param next the next page's absolute URL, or null on the last page
 * @param totalItems how many datasets the source says the whole catalogue holds, or null
 */
record DcatPage(List<HarvestedRecord> records, String next, Long totalItems) {}
