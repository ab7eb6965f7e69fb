package org.comptoir.catalog.dataset;

/**
 * One problem with a dataset description.
 *
 * @param field the field of the API representation concerned ({@code title}, {@code
 *     distributions[0].accessUrl}...), or the RDF property when no field matches
 * @param message a sentence a person can act on, in French
 */
public record FieldProblem(String field, String message) {}
