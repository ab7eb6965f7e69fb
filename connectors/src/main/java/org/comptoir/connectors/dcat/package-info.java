/**
 * The {@code dcat-ap} source kind: a remote DCAT or DCAT-AP catalogue in any RDF syntax (Turtle,
 * RDF/XML, JSON-LD, N-Triples...), paged with Hydra ({@code hydra:next}, or the older {@code
 * hydra:nextPage}) or not. {@link org.comptoir.connectors.dcat.DcatPageReader} maps a page to
 * records in plain Java; the shared route template of its kind fetches.
 */
package org.comptoir.connectors.dcat;
