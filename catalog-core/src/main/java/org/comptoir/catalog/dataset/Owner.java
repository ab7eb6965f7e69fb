package org.comptoir.catalog.dataset;

/**
 * The accountable data owner of a dataset.
 *
 * @param orgUnit the organisation unit (a direction, a service, a commune)
 * @param name the named person
 * @param email the person's e-mail
 */
public record Owner(String orgUnit, String name, String email) {
    public static final Owner NONE = new Owner(null, null, null);
}
