package org.comptoir.connectors.harvest;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.comptoir.catalog.TestDatabases;
import org.comptoir.connectors.ConnectorsTestApplication;
import org.comptoir.connectors.RunAlreadyActiveException;
import org.comptoir.connectors.source.NewSource;
import org.comptoir.connectors.source.Sources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes, each with its Camel context, engine and Quartz scheduler, over one real MariaDB: a
 * scheduled harvest fires on one node only, and two starts of one source at the same time on two
 * nodes queue one run.
 */
class HarvestClusterIntegrationTests {
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startNodes() throws Exception {
        var database = TestDatabases.mariaDb("classpath:db/changelog/connectors-test.yaml");
        var dataDir = Files.createTempDirectory("comptoir-cluster-");
        var farm = "cluster-" + java.util.UUID.randomUUID();
        nodeA = node(database, dataDir.toString(), farm);
        nodeB = node(database, dataDir.toString(), farm);
    }

    @AfterAll
    static void stopNodes() {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void aScheduledHarvestRunsOnceWhateverTheNumberOfNodes() throws Exception {
        var catalogue = new PagedCatalogue(2, 2);
        catalogue.serve(server);
        // far enough ahead that registering the source and its trigger is done before it fires, even on a
        // loaded machine; a second missed is a day missed
        var in = LocalDateTime.now().plusSeconds(12);
        var cron = in.getSecond() + " " + in.getMinute() + " " + in.getHour() + " * * *";
        var source =
                nodeA.getBean(Sources.class).create(new NewSource("Planifiée", "dcat-ap", catalogue.url(server), cron));

        var deadline = Instant.now().plusSeconds(30);
        var engine = nodeB.getBean(HarvestEngine.class);
        while (engine.runsOf(source.id()).stream().noneMatch(r -> !r.status().isActive())
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        Thread.sleep(2000);

        var runs = engine.runsOf(source.id());
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(run.trigger()).isEqualTo(RunTrigger.schedule());
            assertThat(run.counts().added()).isEqualTo(4);
        });
        server.verify(1, getRequestedFor(urlEqualTo(catalogue.path(1))));
        assertThat(nodeA.getBean(HarvestScheduling.class).next(source.id())).hasValueSatisfying(next -> assertThat(next)
                .isAfter(Instant.now().plus(Duration.ofHours(23))));
    }

    @Test
    void twoNodesStartingOneSourceAtOnceQueueOneRun() throws Exception {
        var catalogue = new PagedCatalogue(1, 1);
        catalogue.serve(server);
        var source =
                nodeA.getBean(Sources.class).create(new NewSource("À la main", "dcat-ap", catalogue.url(server), null));
        var ready = new CountDownLatch(1);
        var results = new ArrayList<java.util.concurrent.Future<String>>();
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (var node : new ConfigurableApplicationContext[] {nodeA, nodeB, nodeA, nodeB}) {
                Callable<String> start = () -> {
                    ready.await();
                    try {
                        return node.getBean(HarvestEngine.class)
                                .start(source.id(), RunTrigger.api("cdo"))
                                .id();
                    } catch (RunAlreadyActiveException e) {
                        return null;
                    }
                };
                results.add(pool.submit(start));
            }
            ready.countDown();
            var started = new ArrayList<String>();
            for (var result : results) {
                if (result.get() != null) {
                    started.add(result.get());
                }
            }
            assertThat(started).hasSize(1);
        }
    }

    /**
     * A node of farm {@code farm} over the shared database. Both nodes of this JVM share one connection
     * pool: Quartz keeps the connection provider of a scheduler in a JVM-wide registry keyed by the
     * scheduler's name, which nodes of a farm share; separate JVMs, as in production, each have their
     * own. The farm's name is this test's alone: the schedulers of other test classes' contexts, still
     * running in this JVM, must not take this database's triggers.
     */
    private static ConfigurableApplicationContext node(DataSource database, String dataDir, String farm) {
        return new SpringApplicationBuilder(ConnectorsTestApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("dataSource", database))
                .run(
                        "--spring.liquibase.enabled=false",
                        "--comptoir.data-dir=" + dataDir,
                        "--comptoir.harvest.read-timeout=10s",
                        "--comptoir.harvest.scheduler-name=" + farm);
    }
}
