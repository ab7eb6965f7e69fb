package org.comptoir.web.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 of the API as RFC 9457 problems, like every other error. */
final class ProblemResponses {
    private ProblemResponses() {}

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Comptoir\"");
            write(
                    response,
                    401,
                    "unauthorized",
                    "Authentification requise",
                    "Cette opération demande un compte : identifiez-vous (HTTP Basic ou jeton d'API).",
                    request.getRequestURI());
        };
    }

    /** A bearer token that is unknown, expired, revoked, or whose user may no longer sign in. */
    static AuthenticationEntryPoint invalidToken() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"Comptoir\", error=\"invalid_token\"");
            write(
                    response,
                    401,
                    "invalid-token",
                    "Jeton d'API refusé",
                    "Ce jeton est inconnu, expiré ou révoqué, ou son compte est désactivé : créez-en un autre.",
                    request.getRequestURI());
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(
                response,
                403,
                "forbidden",
                "Accès refusé",
                "Votre rôle ne permet pas cette opération.",
                request.getRequestURI());
    }

    private static void write(
            HttpServletResponse response, int status, String type, String title, String detail, String instance)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"https://w3id.org/comptoir/problems/" + type + "\",\"title\":\""
                        + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"instance\":\""
                        + instance.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
