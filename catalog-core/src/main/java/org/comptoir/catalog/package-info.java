/**
 * The catalogue: datasets, distributions, data services and agents, their persistence, their
 * DCAT-AP RDF view and the search port. Other modules use the catalogue through the API types of
 * this package and its feature packages ({@code dataset}, {@code ingest}, {@code rdf},
 * {@code search}) and listen to its events ({@link org.comptoir.catalog.dataset.DatasetChanged}).
 */
package org.comptoir.catalog;
