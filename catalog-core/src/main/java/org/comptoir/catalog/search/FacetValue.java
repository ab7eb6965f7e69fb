package org.comptoir.catalog.search;

/**
 * A value of a dimension in a result set.
 *
 * @param value what a filter on it takes (an IRI, a code, a name)
 * @param label what a person reads, in the asked language when there is one
 * @param count how many datasets of the result set have it
 */
public record FacetValue(String value, String label, long count) {}
