package org.comptoir.web.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.comptoir.catalog.dataset.DatasetNotFoundException;
import org.comptoir.catalog.dataset.FieldProblem;
import org.comptoir.catalog.dataset.InvalidDatasetException;
import org.comptoir.catalog.dataset.StaleDatasetException;
import org.comptoir.catalog.ingest.WithdrawalAlreadyDecidedException;
import org.comptoir.catalog.ingest.WithdrawalHoldNotFoundException;
import org.comptoir.catalog.search.SearchException;
import org.comptoir.connectors.HarvestRunNotFoundException;
import org.comptoir.connectors.InvalidSourceException;
import org.comptoir.connectors.RunAlreadyActiveException;
import org.comptoir.connectors.RunFinishedException;
import org.comptoir.connectors.SourceInUseException;
import org.comptoir.connectors.SourceNotFoundException;
import org.comptoir.connectors.SourceProbeException;
import org.comptoir.connectors.StaleSourceException;
import org.comptoir.connectors.source.SecretBox;
import org.comptoir.web.search.InvalidSearchException;
import org.comptoir.web.security.InvalidTokenRequestException;
import org.comptoir.web.security.PasswordRequiredException;
import org.comptoir.web.security.TokenNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one advice of the API: every error becomes an RFC 9457 problem with a stable {@code type}
 * URI and a French explanation. No stack trace, SQL or secret ever reaches a response.
 */
@RestControllerAdvice(basePackages = "org.comptoir.web.api")
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {
    static final String TYPES = "https://w3id.org/comptoir/problems/";
    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler({
        DatasetNotFoundException.class,
        SourceNotFoundException.class,
        HarvestRunNotFoundException.class,
        WithdrawalHoldNotFoundException.class,
        TokenNotFoundException.class
    })
    ResponseEntity<ProblemDetail> notFound(RuntimeException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Introuvable", e.getMessage(), request, List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noRoute(NoResourceFoundException e, HttpServletRequest request) {
        return problem(
                HttpStatus.NOT_FOUND,
                "not-found",
                "Introuvable",
                "Aucune ressource à cette adresse.",
                request,
                List.of());
    }

    @ExceptionHandler(StaleDatasetException.class)
    ResponseEntity<ProblemDetail> stale(StaleDatasetException e, HttpServletRequest request) {
        return problem(
                HttpStatus.PRECONDITION_FAILED,
                "stale-version",
                "Version périmée",
                e.getMessage() + ". Relisez le jeu de données et reportez vos modifications.",
                request,
                List.of());
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        if ("If-Match".equalsIgnoreCase(e.getHeaderName())) {
            return problem(
                    HttpStatus.PRECONDITION_REQUIRED,
                    "precondition-required",
                    "If-Match obligatoire",
                    "Une modification doit reprendre l'ETag lu dans l'en-tête If-Match.",
                    request,
                    List.of());
        }
        return problem(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "Requête invalide",
                "L'en-tête " + e.getHeaderName() + " est obligatoire.",
                request,
                List.of());
    }

    @ExceptionHandler(InvalidDatasetException.class)
    ResponseEntity<ProblemDetail> invalidDataset(InvalidDatasetException e, HttpServletRequest request) {
        return invalid(e.problems(), request);
    }

    @ExceptionHandler(InvalidSourceException.class)
    ResponseEntity<ProblemDetail> invalidSource(InvalidSourceException e, HttpServletRequest request) {
        return invalid(e.problems(), request);
    }

    @ExceptionHandler(RunAlreadyActiveException.class)
    ResponseEntity<ProblemDetail> runActive(RunAlreadyActiveException e, HttpServletRequest request) {
        return problem(
                HttpStatus.CONFLICT,
                "run-already-active",
                "Moissonnage déjà en cours",
                e.getMessage(),
                request,
                List.of());
    }

    @ExceptionHandler(WithdrawalAlreadyDecidedException.class)
    ResponseEntity<ProblemDetail> alreadyDecided(WithdrawalAlreadyDecidedException e, HttpServletRequest request) {
        return problem(
                HttpStatus.CONFLICT,
                "withdrawal-already-decided",
                "Retrait déjà tranché",
                e.getMessage() + ".",
                request,
                List.of());
    }

    @ExceptionHandler({SourceInUseException.class, RunFinishedException.class})
    ResponseEntity<ProblemDetail> conflict(RuntimeException e, HttpServletRequest request) {
        return problem(
                HttpStatus.CONFLICT, "conflict", "Opération impossible maintenant", e.getMessage(), request, List.of());
    }

    @ExceptionHandler(StaleSourceException.class)
    ResponseEntity<ProblemDetail> staleSource(StaleSourceException e, HttpServletRequest request) {
        return problem(
                HttpStatus.PRECONDITION_FAILED,
                "stale-version",
                "Version périmée",
                e.getMessage() + ". Relisez la source et reportez vos modifications.",
                request,
                List.of());
    }

    @ExceptionHandler(SourceProbeException.class)
    ResponseEntity<ProblemDetail> unreachable(SourceProbeException e, HttpServletRequest request) {
        return problem(
                HttpStatus.BAD_GATEWAY,
                "source-unreadable",
                "Source illisible",
                "Le test de la source a échoué : " + e.getMessage() + ".",
                request,
                List.of());
    }

    @ExceptionHandler(SecretBox.UnreadableSecretException.class)
    ResponseEntity<ProblemDetail> unreadableSecret(SecretBox.UnreadableSecretException e, HttpServletRequest request) {
        return problem(
                HttpStatus.CONFLICT,
                "credentials-unreadable",
                "Identifiants illisibles",
                e.getMessage(),
                request,
                List.of());
    }

    @ExceptionHandler(InvalidTokenRequestException.class)
    ResponseEntity<ProblemDetail> invalidToken(InvalidTokenRequestException e, HttpServletRequest request) {
        return invalid(e.problems(), request);
    }

    @ExceptionHandler(PasswordRequiredException.class)
    ResponseEntity<ProblemDetail> passwordRequired(PasswordRequiredException e, HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Accès refusé", e.getMessage(), request, List.of());
    }

    @ExceptionHandler(InvalidSearchException.class)
    ResponseEntity<ProblemDetail> invalidSearch(InvalidSearchException e, HttpServletRequest request) {
        return invalid(e.problems(), request);
    }

    @ExceptionHandler(SearchException.class)
    ResponseEntity<ProblemDetail> searchUnavailable(SearchException e, HttpServletRequest request) {
        log.warn("Search engine unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        var response = problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "search-unavailable",
                "Recherche indisponible",
                "Le moteur de recherche ne répond pas pour le moment ; les jeux de données restent consultables "
                        + "un par un. Réessayez dans un instant.",
                request,
                List.of());
        return ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .header("Retry-After", "10")
                .body(response.getBody());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        var problems = new ArrayList<FieldProblem>();
        e.getBindingResult()
                .getFieldErrors()
                .forEach(error -> problems.add(new FieldProblem(
                        error.getField(), Messages.constraint(error.getCode(), error.getArguments()))));
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> problems.add(new FieldProblem(
                        error.getObjectName(), Messages.constraint(error.getCode(), error.getArguments()))));
        return invalid(problems, request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        var problems = new ArrayList<FieldProblem>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors()
                .forEach(error -> problems.add(new FieldProblem(
                        result.getMethodParameter().getParameterName(),
                        Messages.constraint(
                                error.getCodes() == null ? null : lastCode(error.getCodes()), error.getArguments())))));
        return invalid(problems, request);
    }

    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> violated(
            jakarta.validation.ConstraintViolationException e, HttpServletRequest request) {
        var problems = e.getConstraintViolations().stream()
                .map(v -> {
                    String field = null;
                    for (var node : v.getPropertyPath()) {
                        field = node.getName();
                    }
                    return new FieldProblem(
                            field,
                            Messages.constraint(
                                    v.getConstraintDescriptor()
                                            .getAnnotation()
                                            .annotationType()
                                            .getSimpleName(),
                                    v.getConstraintDescriptor().getAttributes().values().stream()
                                            .filter(a -> a instanceof Number)
                                            .toArray()));
                })
                .sorted(java.util.Comparator.comparing(FieldProblem::field))
                .toList();
        return invalid(problems, request);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e, HttpServletRequest request) {
        var name = e instanceof MethodArgumentTypeMismatchException m
                ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        var message = e instanceof MethodArgumentTypeMismatchException m
                        && java.time.LocalDate.class.equals(m.getRequiredType())
                ? "Date attendue au format AAAA-MM-JJ, par exemple 2026-01-31."
                : "Valeur absente ou mal formée.";
        return invalid(List.of(new FieldProblem(name, message)), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        var field = Messages.jsonPath(e);
        var detail = field == null
                ? "Le corps de la requête n'est pas un JSON valide pour cette opération."
                : "Le champ « " + field + " » a une valeur invalide.";
        return problem(
                HttpStatus.BAD_REQUEST,
                "unreadable-body",
                "Corps illisible",
                detail,
                request,
                field == null ? List.of() : List.of(new FieldProblem(field, "Valeur invalide pour ce champ.")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupported(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "Type de contenu non pris en charge",
                "Envoyez du JSON (Content-Type: application/json).",
                request,
                List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return problem(
                HttpStatus.NOT_ACCEPTABLE,
                "not-acceptable",
                "Format non disponible",
                "Cette ressource est servie en JSON.",
                request,
                List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problem(
                HttpStatus.METHOD_NOT_ALLOWED,
                "method-not-allowed",
                "Méthode non permise",
                "La méthode " + e.getMethod() + " n'est pas permise ici.",
                request,
                List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Erreur interne",
                "Une erreur inattendue est survenue ; elle a été journalisée.",
                request,
                List.of());
    }

    private static String lastCode(String[] codes) {
        return codes.length == 0 ? null : codes[codes.length - 1];
    }

    private static ResponseEntity<ProblemDetail> invalid(List<FieldProblem> problems, HttpServletRequest request) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "validation",
                "Données invalides",
                "La requête contient " + problems.size() + " erreur(s) ; chacune est détaillée dans « errors ».",
                request,
                problems);
    }

    static ResponseEntity<ProblemDetail> problem(
            HttpStatus status,
            String type,
            String title,
            String detail,
            HttpServletRequest request,
            List<FieldProblem> problems) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        if (!problems.isEmpty()) {
            problem.setProperty(
                    "errors",
                    problems.stream()
                            .map(p -> Map.of("field", p.field(), "message", p.message()))
                            .toList());
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
