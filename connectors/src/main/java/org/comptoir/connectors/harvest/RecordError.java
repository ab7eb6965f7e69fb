package org.comptoir.connectors.harvest;

/**
 * A record a run could not take in.
 *
 * @param sourceKey the record's key at the source (the dataset IRI for a DCAT catalogue)
 * @param reason what is wrong, in French, so that someone can fix it at the source
 */
public record RecordError(String sourceKey, String reason) {}
