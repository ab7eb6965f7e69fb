package org.comptoir.web.pages;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.comptoir.catalog.dataset.Audience;
import org.comptoir.web.security.Role;
import org.comptoir.web.security.Viewers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every screen's header and footer need, for the templates as {@code @layout}: the catalogue's
 * title, who is signed in, and the address of the current page in the other language. Reading it
 * from the request rather than from a model lets the error pages, which no controller of ours
 * renders, show the same header.
 */
@Component("layout")
class Layout {
    private final String titleFr;
    private final String titleEn;

    Layout(
            @Value("${comptoir.catalog.title-fr:Catalogue de données}") String titleFr,
            @Value("${comptoir.catalog.title-en:Data catalogue}") String titleEn) {
        this.titleFr = titleFr;
        this.titleEn = titleEn;
    }

    /** The catalogue's title in the language of the page. */
    public String catalogTitle() {
        return language().equals("en") ? titleEn : titleFr;
    }

    /** {@code fr} or {@code en}. */
    public String language() {
        return PagesConfiguration.supported(LocaleContextHolder.getLocale().getLanguage())
                .getLanguage();
    }

    public boolean signedIn() {
        return user() != null;
    }

    /** Whether the signed-in user is one of the authority's own roles, who see the internal catalogue. */
    public boolean internal() {
        return Viewers.audience(user()) == Audience.INTERNAL;
    }

    /** Whether the signed-in user manages the harvest sources (CDO or ADMIN). */
    public boolean governing() {
        var user = user();
        return user != null
                && user.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(authority ->
                                authority.equals(Role.CDO.authority()) || authority.equals(Role.ADMIN.authority()));
    }

    /** The signed-in user's name, or null for an anonymous visitor. */
    public String userName() {
        var user = user();
        return user == null ? null : user.getName();
    }

    /** The current page in another language: same path and parameters, {@code lang} replaced. */
    public String inLanguage(String lang) {
        var request = currentRequest();
        if (request == null) {
            return "/?" + PagesConfiguration.LANGUAGE_PARAMETER + "=" + lang;
        }
        var errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri;
        if (errorUri instanceof String original) {
            uri = original;
        } else {
            uri = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        }
        return UriComponentsBuilder.fromUriString(uri)
                .replaceQueryParam(PagesConfiguration.LANGUAGE_PARAMETER, lang.toLowerCase(Locale.ROOT))
                .build()
                .toUriString();
    }

    private static Authentication user() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null
                        || !authentication.isAuthenticated()
                        || authentication instanceof AnonymousAuthenticationToken
                ? null
                : authentication;
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }
}
