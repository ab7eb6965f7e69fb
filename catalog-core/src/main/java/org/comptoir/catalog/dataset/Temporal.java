package org.comptoir.catalog.dataset;

/** Temporal coverage as ISO 8601 dates or date-times; either end may be open. */
public record Temporal(String start, String end) {}
