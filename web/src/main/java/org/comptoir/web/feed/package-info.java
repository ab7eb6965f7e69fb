/**
 * The open-data feed: the catalogue as DCAT-AP 3 at {@code /catalog} (Turtle, RDF/XML, JSON-LD,
 * N-Triples; paged with Hydra; filtered by {@code modified_since} for incremental harvesters), and
 * the RDF of each dataset at its own IRI. Only open datasets ever go out to the public, and never
 * the names of the authority's employees.
 */
package org.comptoir.web.feed;
