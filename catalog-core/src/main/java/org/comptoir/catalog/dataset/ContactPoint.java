package org.comptoir.catalog.dataset;

/** Where to ask about a dataset: a vCard with a name, an e-mail and a web page. */
public record ContactPoint(String name, String email, String url) {}
