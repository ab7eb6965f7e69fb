package org.comptoir.connectors;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.apache.camel.CamelContext;
import org.comptoir.catalog.ingest.CatalogIngestion;
import org.comptoir.connectors.arcgis.ArcgisKind;
import org.comptoir.connectors.ckan.CkanKind;
import org.comptoir.connectors.csw.CswKind;
import org.comptoir.connectors.dcat.DcatPageReader;
import org.comptoir.connectors.dcatus.DcatUsKind;
import org.comptoir.connectors.fetch.JsonLdContexts;
import org.comptoir.connectors.fetch.LimitsProperties;
import org.comptoir.connectors.fetch.NetworkProperties;
import org.comptoir.connectors.fetch.NetworkRules;
import org.comptoir.connectors.fetch.PageFetcher;
import org.comptoir.connectors.fetch.PageGuard;
import org.comptoir.connectors.fetch.RecordLimits;
import org.comptoir.connectors.fetch.RetryDelays;
import org.comptoir.connectors.harvest.HarvestEngine;
import org.comptoir.connectors.harvest.HarvestProperties;
import org.comptoir.connectors.harvest.HarvestRouteConfiguration;
import org.comptoir.connectors.harvest.HarvestRoutes;
import org.comptoir.connectors.harvest.RunSessions;
import org.comptoir.connectors.harvest.SourceKind;
import org.comptoir.connectors.harvest.SourceKindTemplates;
import org.comptoir.connectors.opendatasoft.OpendatasoftKind;
import org.comptoir.connectors.source.Sources;
import org.comptoir.connectors.udata.UdataKind;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The connectors' beans: sources, the harvest engine, the shared route configuration and one route
 * template per source kind (Camel Spring Boot adds the route builders to the Camel context). Needs
 * the catalogue's beans ({@code CatalogConfiguration}) and the Liquibase changelog {@code
 * db/changelog/connectors.yaml}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({HarvestProperties.class, NetworkProperties.class, LimitsProperties.class})
public class ConnectorsConfiguration {
    @Bean
    Sources sources(JdbcClient jdbc, Clock clock) {
        return new Sources(jdbc, clock);
    }

    @Bean
    RunSessions runSessions(JdbcClient jdbc, CatalogIngestion ingestion, HarvestProperties properties, Clock clock) {
        return new RunSessions(jdbc, ingestion, properties, clock);
    }

    @Bean
    HarvestRoutes harvestRoutes(RunSessions sessions) {
        return new HarvestRoutes(sessions);
    }

    @Bean
    HarvestRouteConfiguration harvestRouteConfiguration(HarvestProperties properties, NetworkProperties network) {
        return new HarvestRouteConfiguration(properties, network);
    }

    /** The network rules, also for checking a source's address at registration. */
    @Bean
    NetworkRules networkRules(NetworkProperties network) {
        return new NetworkRules(network);
    }

    @Bean
    PageFetcher pageFetcher(
            NetworkRules rules,
            HarvestProperties properties,
            NetworkProperties network,
            LimitsProperties limits,
            Clock clock) {
        return new PageFetcher(
                rules,
                properties.connectTimeout(),
                properties.readTimeout(),
                network.maxRedirects(),
                limits.maxPageSize().toBytes(),
                clock);
    }

    @Bean
    PageGuard pageGuard(LimitsProperties limits) {
        return new PageGuard(limits);
    }

    @Bean
    RecordLimits recordLimits(LimitsProperties limits) {
        return new RecordLimits(limits);
    }

    /** Exponential backoff from {@code redelivery-delay}, at most one minute, with jitter. */
    @Bean
    RetryDelays retryDelays(HarvestProperties properties) {
        return new RetryDelays(properties.redeliveryDelay(), Duration.ofMinutes(1), new Random());
    }

    @Bean
    DcatPageReader dcatApKind(PageFetcher fetcher) {
        return new DcatPageReader(JsonLdContexts.through(fetcher));
    }

    @Bean
    SourceKindTemplates sourceKindTemplates(
            HarvestRoutes routes,
            List<SourceKind> kinds,
            PageFetcher fetcher,
            PageGuard guard,
            RecordLimits limits,
            RetryDelays delays) {
        return new SourceKindTemplates(routes, kinds, fetcher, guard, limits, delays);
    }

    @Bean
    CkanKind ckanKind() {
        return new CkanKind();
    }

    @Bean
    UdataKind udataKind() {
        return new UdataKind();
    }

    @Bean
    OpendatasoftKind opendatasoftKind() {
        return new OpendatasoftKind();
    }

    @Bean
    ArcgisKind arcgisKind() {
        return new ArcgisKind();
    }

    @Bean
    DcatUsKind dcatUsKind() {
        return new DcatUsKind();
    }

    @Bean
    CswKind cswKind() {
        return new CswKind();
    }

    @Bean
    HarvestEngine harvestEngine(
            Sources sources,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            CamelContext camel,
            HarvestProperties properties,
            Clock clock) {
        return new HarvestEngine(sources, jdbc, transactions, camel, properties, clock);
    }
}
