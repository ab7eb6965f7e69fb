/**
 * The RDF view of the catalogue: mapping a dataset to and from DCAT-AP 3 with Jena, keeping what
 * the mapping does not model, hashing descriptions, and the catalogue's own IRIs.
 */
package org.comptoir.catalog.rdf;
