package org.comptoir.connectors.source;

/**
 * A source as a person asks to register it.
 *
 * @param name what people call it, 1 to 200 characters
 * @param kind the kind of system, one of {@link SourceKinds#all()}
 * @param url where the harvest starts (for {@code dcat-ap}: the catalogue's first page), absolute http(s)
 * @param schedule when to harvest it, as a Spring cron expression ({@code "0 0 3 * * *"}), or null
 */
public record NewSource(String name, String kind, String url, String schedule) {}
