package org.comptoir.web.feed;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.comptoir.catalog.dataset.DatasetNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the feed as short RFC 9457 problems, whatever RDF syntax the request asked for. */
@RestControllerAdvice(basePackages = "org.comptoir.web.feed")
class FeedProblems {
    private static final String TYPES = "https://w3id.org/comptoir/problems/";

    @ExceptionHandler(InvalidFeedRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidFeedRequestException e, HttpServletRequest request) {
        var problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Requête invalide", e.getMessage(), request);
        problem.setProperty("parameter", e.parameter());
        return respond(problem);
    }

    @ExceptionHandler(DatasetNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(DatasetNotFoundException e, HttpServletRequest request) {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", "Introuvable", e.getMessage(), request));
    }

    private static ProblemDetail problem(
            HttpStatus status, String type, String title, String detail, HttpServletRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
