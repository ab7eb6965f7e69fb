package org.comptoir.ontologies;

/**
 * One SHACL result of severity {@code sh:Violation}: a dataset the catalogue must not accept as it is.
 *
 * @param focusNode the IRI of the node in fault, or {@code _:label} for a blank node
 * @param path the IRI of the property in fault, a SPARQL property path for complex paths, or {@code null}
 *     when the result concerns the node itself
 * @param message the shape's message, in French when the shape has one
 * @param severity the severity's local name ({@code Violation})
 */
public record ShapeViolation(String focusNode, String path, String message, String severity) {}
