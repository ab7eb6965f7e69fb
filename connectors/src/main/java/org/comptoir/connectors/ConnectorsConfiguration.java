package org.comptoir.connectors;

import java.time.Clock;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.comptoir.catalog.ingest.CatalogIngestion;
import org.comptoir.connectors.arcgis.ArcgisKind;
import org.comptoir.connectors.ckan.CkanKind;
import org.comptoir.connectors.csw.CswKind;
import org.comptoir.connectors.dcat.DcatPageReader;
import org.comptoir.connectors.dcatus.DcatUsKind;
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
@EnableConfigurationProperties(HarvestProperties.class)
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
    HarvestRoutes harvestRoutes(RunSessions sessions, HarvestProperties properties) {
        return new HarvestRoutes(sessions, properties);
    }

    @Bean
    HarvestRouteConfiguration harvestRouteConfiguration(HarvestProperties properties) {
        return new HarvestRouteConfiguration(properties);
    }

    @Bean(HarvestRoutes.HTTP_CLIENT)
    HttpClientConfigurer comptoirHarvestHttpClient() {
        return HarvestRoutes.httpClient();
    }

    @Bean
    DcatPageReader dcatApKind() {
        return new DcatPageReader();
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
    SourceKindTemplates sourceKindTemplates(HarvestRoutes routes, List<SourceKind> kinds) {
        return new SourceKindTemplates(routes, kinds);
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
