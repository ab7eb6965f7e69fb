package org.comptoir.connectors.source;

/**
 * A source as a person asks to register or change it.
 *
 * @param name what people call it, 1 to 200 characters
 * @param kind the kind of system, one of {@link SourceKinds#all()}
 * @param url where the harvest starts (for {@code dcat-ap}: the catalogue's first page), absolute http(s)
 * @param schedule when to harvest it, as a Spring cron expression ({@code "0 0 3 * * *"}), or null
 * @param credentials how to sign in to it; on a change, null keeps the stored ones
 * @param politeness how gently to harvest it
 * @param defaults what its datasets get when it says nothing about it
 * @param limits the hard limits of one run
 */
public record NewSource(
        String name,
        String kind,
        String url,
        String schedule,
        Credentials credentials,
        Politeness politeness,
        SourceDefaults defaults,
        RunLimits limits) {
    public NewSource {
        politeness = politeness == null ? Politeness.NONE : politeness;
        defaults = defaults == null ? SourceDefaults.NONE : defaults;
        limits = limits == null ? RunLimits.NONE : limits;
    }

    /** A public source without credentials, politeness, defaults or limits. */
    public NewSource(String name, String kind, String url, String schedule) {
        this(name, kind, url, schedule, Credentials.NONE, Politeness.NONE, SourceDefaults.NONE, RunLimits.NONE);
    }
}
