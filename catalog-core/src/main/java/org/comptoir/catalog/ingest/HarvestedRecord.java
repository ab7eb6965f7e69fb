package org.comptoir.catalog.ingest;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;

/**
 * One dataset as a source described it.
 *
 * @param sourceKey the dataset's stable key in the source (its IRI for a DCAT source)
 * @param description the dataset's DCAT description, as the connector mapped it
 * @param dataset the dataset's node in {@code description}
 * @param rawPayload what the source sent for this record, kept as provenance
 * @param mediaType the media type of {@code rawPayload}
 */
public record HarvestedRecord(
        String sourceKey, Model description, Resource dataset, String rawPayload, String mediaType) {}
