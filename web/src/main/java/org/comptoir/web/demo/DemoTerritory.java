package org.comptoir.web.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.search.index.SearchIndexer;
import org.comptoir.connectors.harvest.HarvestEngine;
import org.comptoir.connectors.harvest.HarvestRun;
import org.comptoir.connectors.harvest.RunStatus;
import org.comptoir.connectors.source.NewSource;
import org.comptoir.connectors.source.Sources;
import org.comptoir.web.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Component;

/**
 * Loads the demo territory when the application is ready: the demo accounts, then one {@code
 * dcat-ap} source per bundled catalogue, harvested over HTTP from this very server. Runs once: a
 * catalogue that already has sources is left alone.
 */
@Component
class DemoTerritory {
    private static final Logger log = LoggerFactory.getLogger(DemoTerritory.class);
    private static final Map<Role, String> ACCOUNTS =
            Map.of(Role.CDO, "cdo", Role.OWNER, "owner", Role.DPO, "dpo", Role.PARTNER, "partner");

    private final DemoProperties properties;
    private final Sources sources;
    private final HarvestEngine engine;
    private final Datasets datasets;
    private final SearchIndexer indexer;
    private final JdbcUserDetailsManager users;
    private final PasswordEncoder encoder;

    DemoTerritory(
            DemoProperties properties,
            Sources sources,
            HarvestEngine engine,
            Datasets datasets,
            SearchIndexer indexer,
            JdbcUserDetailsManager users,
            PasswordEncoder encoder) {
        this.properties = properties;
        this.sources = sources;
        this.engine = engine;
        this.datasets = datasets;
        this.indexer = indexer;
        this.users = users;
        this.encoder = encoder;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        if (!properties.enabled()) {
            return;
        }
        ACCOUNTS.forEach((role, name) -> {
            if (!users.userExists(name)) {
                users.createUser(User.withUsername(name)
                        .password(encoder.encode(properties.password()))
                        .roles(role.name())
                        .build());
            }
        });
        int port = ((WebServerApplicationContext) event.getApplicationContext())
                .getWebServer()
                .getPort();
        var home = "http://localhost:" + port + "/";
        if (sources.all().isEmpty()) {
            var runs = new ArrayList<HarvestRun>();
            for (var file : properties.sources()) {
                var source = sources.create(new NewSource(
                        "Démo : " + file.replaceFirst("(-1)?\\.ttl$", "").toUpperCase(Locale.ROOT),
                        "dcat-ap",
                        home + "demo/sources/" + file,
                        null));
                runs.add(engine.start(source.id()));
            }
            awaitAll(runs);
        }
        if (!indexer.awaitCaughtUp(Duration.ofSeconds(30))) {
            log.warn("The search index has not caught up with the demo territory yet");
        }
        log.info(
                "Comptoir est prêt / is ready: {} ({} jeux de données, comptes de démo : cdo, owner, dpo, partner)",
                home,
                datasets.count());
    }

    private void awaitAll(java.util.List<HarvestRun> runs) {
        var deadline = Instant.now().plus(Duration.ofMinutes(5));
        for (var run : runs) {
            var current = run;
            while ((current.status() == RunStatus.QUEUED || current.status() == RunStatus.RUNNING)
                    && Instant.now().isBefore(deadline)) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                current = engine.run(run.id()).orElse(current);
            }
            if (current.status() != RunStatus.SUCCEEDED) {
                log.warn("Demo harvest {} ended {}: {}", run.sourceId(), current.status(), current.failureReason());
            }
        }
    }
}
