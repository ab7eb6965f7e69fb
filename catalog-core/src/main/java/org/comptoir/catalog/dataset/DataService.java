package org.comptoir.catalog.dataset;

/** An API or web service through which a distribution is reached. */
public record DataService(String iri, LangText title, String endpointUrl, String endpointDescription) {}
