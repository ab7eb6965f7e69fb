package org.comptoir.web.security;

import java.util.Set;
import org.comptoir.catalog.dataset.Audience;
import org.comptoir.catalog.search.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Which audience a caller belongs to: the authority's own roles see everything, others only open data. */
public final class Viewers {
    private static final Set<String> INTERNAL =
            Set.of(Role.CDO.authority(), Role.OWNER.authority(), Role.DPO.authority(), Role.ADMIN.authority());

    private Viewers() {}

    public static Audience audience(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Audience.PUBLIC;
        }
        return authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(INTERNAL::contains)
                ? Audience.INTERNAL
                : Audience.PUBLIC;
    }

    /**
     * Who searches: the public for an anonymous caller, a partner (who sees what its sharing
     * agreements grant; none yet) or the authority's own roles, who see every dataset.
     */
    public static Viewer viewer(Authentication authentication) {
        if (audience(authentication) == Audience.INTERNAL) {
            return Viewer.INTERNAL;
        }
        if (authentication != null
                && authentication.isAuthenticated()
                && authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(Role.PARTNER.authority()::equals)) {
            return Viewer.partner(Set.of());
        }
        return Viewer.PUBLIC;
    }

    public static String name(Authentication authentication) {
        return authentication == null ? "anonyme" : authentication.getName();
    }
}
