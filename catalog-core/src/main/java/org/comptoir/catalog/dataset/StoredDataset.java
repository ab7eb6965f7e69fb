package org.comptoir.catalog.dataset;

/**
 * A dataset with its stored RDF description (N-Triples, IRIs under the placeholder base).
 *
 * @param contentHash hash of the description its source last sent, or null for a manual dataset
 */
public record StoredDataset(Dataset dataset, String graph, String contentHash) {}
