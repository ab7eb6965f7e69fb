/**
 * What every source kind that does not speak RDF needs to map a record to DCAT-AP 3: {@link
 * org.comptoir.connectors.mapping.DatasetDescription} writes a dataset and its distributions in a
 * Jena model the way the catalogue reads them (EU themes, file types, frequencies and languages,
 * bundled licences, WGS84 bounding boxes), {@link org.comptoir.connectors.mapping.Dates} reads the
 * dates portals write, {@link org.comptoir.connectors.mapping.Texts} turns HTML into text, {@link
 * org.comptoir.connectors.mapping.JsonPages} reads a JSON page and {@link
 * org.comptoir.connectors.mapping.OffsetPaging} moves through offset-paged APIs.
 */
package org.comptoir.connectors.mapping;
