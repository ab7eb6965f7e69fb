package org.comptoir.connectors.harvest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.comptoir.catalog.ingest.HarvestedRecord;
import org.comptoir.connectors.ConnectorException;
import org.comptoir.connectors.InvalidSourceException;
import org.comptoir.connectors.SourceNotFoundException;
import org.comptoir.connectors.SourceProbeException;
import org.comptoir.connectors.fetch.FetchedPage;
import org.comptoir.connectors.fetch.PageFetcher;
import org.comptoir.connectors.fetch.PageGuard;
import org.comptoir.connectors.source.Credentials;
import org.comptoir.connectors.source.NewSource;
import org.comptoir.connectors.source.Sources;

/**
 * Tests a source's connection without harvesting it (a dry run): fetches its first page through the
 * harvest's own HTTP endpoint (same timeouts, same client), with its credentials and page size,
 * maps it with its kind, and tells what a run would take in. Writes nothing.
 */
public class SourceProbe {
    /** How many titles a preview shows at most. */
    public static final int MAX_TITLES = 50;

    /**
     * What the first page of a source holds.
     *
     * @param url the page fetched
     * @param count the datasets on that page
     * @param total how many the source says it holds in all, or null
     * @param titles the titles of the first {@value #MAX_TITLES} datasets (their key when untitled)
     * @param next the next page, or null when the source has a single page
     */
    public record Preview(String url, int count, Long total, List<String> titles, String next) {}

    private final PageFetcher fetcher;
    private final PageGuard guard;
    private final Map<String, SourceKind> kinds;
    private final Sources sources;
    private final CredentialHeaders headers;
    private final FetchFailures failures;

    public SourceProbe(
            PageFetcher fetcher,
            PageGuard guard,
            List<SourceKind> kinds,
            Sources sources,
            CredentialHeaders headers,
            FetchFailures failures) {
        this.fetcher = fetcher;
        this.guard = guard;
        this.kinds = kinds.stream().collect(Collectors.toMap(SourceKind::name, Function.identity()));
        this.sources = sources;
        this.headers = headers;
        this.failures = failures;
    }

    /**
     * Tests a registered source as it is.
     *
     * @throws SourceNotFoundException when there is no such source
     * @throws SourceProbeException when the first page cannot be read, saying why
     */
    public Preview probe(String sourceId) {
        var source = sources.find(sourceId).orElseThrow(() -> new SourceNotFoundException(sourceId));
        return fetch(
                source.kind(), source.url(), source.politeness().effectivePageSize(), sources.credentials(sourceId));
    }

    /**
     * Tests a configuration before it is saved.
     *
     * @param existingId the source being edited, whose stored credentials are used when the
     *     candidate's are null; null for a new source
     * @throws InvalidSourceException when the configuration is not valid
     * @throws SourceProbeException when the first page cannot be read, saying why
     */
    public Preview probe(NewSource candidate, String existingId) {
        var credentials = candidate.credentials() != null
                ? candidate.credentials()
                : existingId == null ? Credentials.NONE : sources.credentials(existingId);
        var problems = Sources.problems(candidate, credentials);
        if (!problems.isEmpty()) {
            throw new InvalidSourceException(problems);
        }
        return fetch(
                candidate.kind(),
                candidate.url().strip(),
                candidate.politeness().effectivePageSize(),
                credentials);
    }

    private Preview fetch(String kindName, String sourceUrl, int pageSize, Credentials credentials) {
        var kind = kinds.get(kindName);
        if (kind == null) {
            throw new SourceProbeException("aucun connecteur n'est installé pour le type « " + kindName + " »");
        }
        var url = kind.firstPage(sourceUrl, pageSize);
        Map<String, String> auth;
        try {
            auth = headers.of(credentials);
        } catch (ConnectorException e) {
            throw new SourceProbeException(e.getMessage());
        }
        FetchedPage fetched;
        try {
            fetched = fetcher.fetch(url, withAccept(auth, kind.accept()));
            guard.check(fetched, kind.expects());
        } catch (IOException | RuntimeException e) {
            throw new SourceProbeException(failures.reason(e, url, 1));
        }
        var body = fetched.body();
        SourcePage page;
        try {
            page = kind.read(body, fetched.contentType(), url);
        } catch (ConnectorException e) {
            throw new SourceProbeException(e.getMessage());
        }
        var titles = page.records().stream()
                .limit(MAX_TITLES)
                .map(SourceProbe::title)
                .toList();
        return new Preview(url, page.records().size(), page.totalItems(), titles, page.next());
    }

    static String title(HarvestedRecord record) {
        Resource dataset = record.dataset();
        String fallback = null;
        for (var statement : dataset.listProperties(DCTerms.title).toList()) {
            if (statement.getObject().isLiteral()) {
                Literal literal = statement.getLiteral();
                if (literal.getLanguage().startsWith("fr")) {
                    return literal.getLexicalForm();
                }
                if (fallback == null || literal.getLanguage().isEmpty()) {
                    fallback = literal.getLexicalForm();
                }
            }
        }
        return fallback != null ? fallback : record.sourceKey();
    }

    private static Map<String, String> withAccept(Map<String, String> auth, String accept) {
        var all = new LinkedHashMap<>(auth);
        all.put("Accept", accept);
        return all;
    }
}
