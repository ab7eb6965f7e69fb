package org.comptoir.web.security;

/** The roles of the authority's people and partners. */
public enum Role {
    /** Chief data officer: the whole estate, sources, charter. */
    CDO,
    /** Data owner: registers and fixes datasets. */
    OWNER,
    /** Data protection officer: the RGPD register. */
    DPO,
    /** A partner under a sharing agreement. */
    PARTNER,
    /** Runs the platform. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
