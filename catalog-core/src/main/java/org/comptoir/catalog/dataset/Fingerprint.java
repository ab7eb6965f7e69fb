package org.comptoir.catalog.dataset;

/**
 * What a harvest needs to know of a stored dataset to tell whether a record changed it, read
 * without parsing its description.
 *
 * @param contentHash hash of the description its source last sent
 */
public record Fingerprint(String datasetId, long version, String contentHash, PublicationStatus status) {}
