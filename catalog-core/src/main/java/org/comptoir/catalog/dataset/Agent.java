package org.comptoir.catalog.dataset;

/**
 * A person or organisation (publisher, creator).
 *
 * @param iri the agent's IRI, or null when the source named it without one
 * @param name its name
 */
public record Agent(String iri, LangText name) {}
