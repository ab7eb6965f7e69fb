/**
 * The {@code dcat-ap} source kind: a remote DCAT or DCAT-AP catalogue in any RDF syntax (Turtle,
 * RDF/XML, JSON-LD, N-Triples...), paged with Hydra ({@code hydra:next}, or the older {@code
 * hydra:nextPage}) or not. {@link org.comptoir.connectors.dcat.DcatApRouteTemplate} fetches; the
 * mapping of a page to records is plain Java.
 */
package org.comptoir.connectors.dcat;
