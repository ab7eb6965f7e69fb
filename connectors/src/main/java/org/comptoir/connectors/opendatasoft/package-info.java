/**
 * The {@code opendatasoft} source kind: an Opendatasoft portal read through its Explore API v2.1
 * catalogue, paged, or in one answer from its catalogue export. {@link
 * org.comptoir.connectors.opendatasoft.OpendatasoftKind} maps each dataset to DCAT-AP 3, its exports
 * as distributions.
 */
package org.comptoir.connectors.opendatasoft;
