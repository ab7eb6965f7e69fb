package org.comptoir.connectors.harvest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.comptoir.connectors.ConnectorsTestApplication;
import org.comptoir.connectors.source.NewSource;
import org.comptoir.connectors.source.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node stops in the middle of a run, while it reads page 2 of 3; when a node starts again on the
 * same store, it resumes the run from its checkpoint: page 1 is not read again, and the run ends
 * with the counts of a run that was never interrupted.
 */
class HarvestResumeIntegrationTests {
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @Test
    void resumesAnInterruptedRunFromItsLastCheckpointAfterARestart() throws Exception {
        var store = Files.createTempDirectory("comptoir-resume-").resolve("store");
        var catalogue = new PagedCatalogue(3, 2);
        catalogue.serve(server);
        server.stubFor(
                get(urlEqualTo(catalogue.path(2))).willReturn(catalogue.page(2).withFixedDelay(2500)));

        String runId;
        try (var first = node(store)) {
            var source = first.getBean(Sources.class)
                    .create(new NewSource("Portail", "dcat-ap", catalogue.url(server), null));
            var engine = first.getBean(HarvestEngine.class);
            runId = engine.start(source.id(), RunTrigger.api("cdo")).id();
            var interrupted = await(engine, runId, run -> run.pages() == 1);
            assertThat(interrupted.counts().added()).isEqualTo(2);
        }
        server.stubFor(get(urlEqualTo(catalogue.path(2))).willReturn(catalogue.page(2)));

        try (var second = node(store)) {
            var engine = second.getBean(HarvestEngine.class);
            assertThat(engine.run(runId).orElseThrow().status()).isIn(RunStatus.RUNNING, RunStatus.SUCCEEDED);

            var run = await(engine, runId, r -> !r.status().isActive());

            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(run.counts()).isEqualTo(new Counts(6, 0, 0, 0, 0));
            assertThat(run.seen()).isEqualTo(6);
            assertThat(run.pages()).isEqualTo(3);
            assertThat(run.trigger()).isEqualTo(RunTrigger.api("cdo"));
        }
        server.verify(1, getRequestedFor(urlEqualTo(catalogue.path(1))));
        server.verify(1, getRequestedFor(urlEqualTo(catalogue.path(3))));
    }

    private static ConfigurableApplicationContext node(Path store) {
        // command-line arguments: they take precedence over the tests' application.properties
        return new SpringApplicationBuilder(ConnectorsTestApplication.class)
                .run(
                        "--spring.datasource.url=jdbc:h2:file:" + store + ";MODE=MariaDB",
                        "--comptoir.data-dir=" + store.getParent(),
                        "--comptoir.harvest.read-timeout=10s",
                        "--comptoir.harvest.stale-run-timeout=3s",
                        "--camel.main.shutdown-timeout=10");
    }

    private static HarvestRun await(HarvestEngine engine, String runId, Predicate<HarvestRun> condition)
            throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            var run = engine.run(runId).orElseThrow();
            if (condition.test(run)) {
                return run;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("run " + runId + " still " + run.status() + " after 60 s: " + run);
            }
            Thread.sleep(20);
        }
    }
}
