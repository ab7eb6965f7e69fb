package org.comptoir.web.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.comptoir.catalog.search.SourceLabels;
import org.comptoir.connectors.source.Sources;
import org.springframework.stereotype.Component;

/**
 * The names and kinds of harvest sources, for the search facets, read from the connectors (the
 * catalogue does not know them). Sources are few and rarely change: all of them are read at once
 * and kept for a short while; a source not known yet is read again at most once a second.
 */
@Component
class ConnectorSourceLabels implements SourceLabels {
    static final Duration FRESHNESS = Duration.ofSeconds(30);
    private static final Duration RETRY_UNKNOWN = Duration.ofSeconds(1);

    private final Sources sources;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Instant.EPOCH);

    ConnectorSourceLabels(Sources sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    @Override
    public Optional<SourceLabel> of(String sourceId) {
        if (sourceId == null) {
            return Optional.empty();
        }
        var now = clock.instant();
        var current = snapshot;
        var age = Duration.between(current.readAt(), now);
        if (age.compareTo(FRESHNESS) > 0
                || (!current.labels().containsKey(sourceId) && age.compareTo(RETRY_UNKNOWN) > 0)) {
            current = read(now);
        }
        return Optional.ofNullable(current.labels().get(sourceId));
    }

    private synchronized Snapshot read(Instant now) {
        var labels = new HashMap<String, SourceLabel>();
        sources.all().forEach(source -> labels.put(source.id(), new SourceLabel(source.name(), source.kind())));
        snapshot = new Snapshot(Map.copyOf(labels), now);
        return snapshot;
    }

    private record Snapshot(Map<String, SourceLabel> labels, Instant readAt) {}
}
