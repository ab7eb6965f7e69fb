package org.comptoir.connectors;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import javax.sql.DataSource;
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
import org.comptoir.connectors.harvest.CredentialHeaders;
import org.comptoir.connectors.harvest.FetchFailures;
import org.comptoir.connectors.harvest.HarvestEngine;
import org.comptoir.connectors.harvest.HarvestProperties;
import org.comptoir.connectors.harvest.HarvestRouteConfiguration;
import org.comptoir.connectors.harvest.HarvestRoutes;
import org.comptoir.connectors.harvest.HarvestScheduling;
import org.comptoir.connectors.harvest.RunSessions;
import org.comptoir.connectors.harvest.SourceKind;
import org.comptoir.connectors.harvest.SourceKindTemplates;
import org.comptoir.connectors.harvest.SourceProbe;
import org.comptoir.connectors.opendatasoft.OpendatasoftKind;
import org.comptoir.connectors.source.SecretBox;
import org.comptoir.connectors.source.SecretsProperties;
import org.comptoir.connectors.source.Sources;
import org.comptoir.connectors.udata.UdataKind;
import org.quartz.Scheduler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The connectors' beans: sources, the harvest engine and its Quartz scheduler (clustered on the
 * JDBC job store, on every profile), the shared route configuration and one route template per
 * source kind (Camel Spring Boot adds the route builders to the Camel context). Needs the
 * catalogue's beans ({@code CatalogConfiguration}) and the Liquibase changelog {@code
 * db/changelog/connectors.yaml}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    HarvestProperties.class,
    NetworkProperties.class,
    LimitsProperties.class,
    SecretsProperties.class
})
public class ConnectorsConfiguration {
    @Bean
    SecretBox secretBox(SecretsProperties properties, Environment environment) {
        var keyFile = properties.keyFile() != null
                ? properties.keyFile()
                : Path.of(environment.getProperty("comptoir.data-dir", "./data"), "secrets.key");
        return SecretBox.load(properties.key(), keyFile, environment.acceptsProfiles(Profiles.of("production")));
    }

    @Bean
    HarvestScheduling harvestScheduling(
            ObjectProvider<Scheduler> scheduler,
            ObjectProvider<Sources> sources,
            PlatformTransactionManager transactions,
            Clock clock) {
        return new HarvestScheduling(scheduler, sources, transactions, clock);
    }

    @Bean
    Sources sources(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            SecretBox secrets,
            HarvestScheduling scheduling,
            Clock clock) {
        return new Sources(jdbc, new TransactionTemplate(transactions), secrets, scheduling, clock);
    }

    @Bean
    @DependsOnDatabaseInitialization
    SchedulerFactoryBean harvestScheduler(
            DataSource dataSource,
            PlatformTransactionManager transactions,
            @Value("${comptoir.harvest.scheduler-name:comptoir}") String schedulerName) {
        var factory = new SchedulerFactoryBean();
        // Every node of a farm uses the same name, so that they share the triggers; Quartz also keys
        // its JVM-wide registry of data sources by it, so two schedulers of one JVM on two databases
        // (test contexts) need two names.
        factory.setSchedulerName(schedulerName);
        factory.setDataSource(dataSource);
        factory.setTransactionManager(transactions);
        factory.setJobFactory(new SpringBeanJobFactory());
        factory.setQuartzProperties(quartzProperties());
        factory.setWaitForJobsToCompleteOnShutdown(false);
        return factory;
    }

    /** Quartz on its JDBC store, clustered, whatever the profile: one code path for one node or many. */
    public static Properties quartzProperties() {
        var properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.threadPool.threadCount", "2");
        // a trigger planned inside a transaction is signalled before it commits: look again every 5 s
        properties.setProperty("org.quartz.scheduler.idleWaitTime", "5000");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", "10000");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        properties.setProperty(
                "org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        return properties;
    }

    @Bean
    CredentialHeaders credentialHeaders(PageFetcher fetcher, Clock clock) {
        return new CredentialHeaders(fetcher, clock);
    }

    @Bean
    RunSessions runSessions(
            JdbcClient jdbc,
            Sources sources,
            CatalogIngestion ingestion,
            CredentialHeaders headers,
            PlatformTransactionManager transactions,
            HarvestProperties properties,
            Clock clock) {
        return new RunSessions(jdbc, sources, ingestion, headers, transactions, properties, clock);
    }

    @Bean
    HarvestRoutes harvestRoutes(RunSessions sessions) {
        return new HarvestRoutes(sessions);
    }

    @Bean
    FetchFailures fetchFailures(HarvestProperties properties, NetworkProperties network) {
        return new FetchFailures(properties, network);
    }

    @Bean
    HarvestRouteConfiguration harvestRouteConfiguration(HarvestProperties properties, FetchFailures failures) {
        return new HarvestRouteConfiguration(properties, failures);
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
    DcatPageReader dcatApKind(PageFetcher fetcher, LimitsProperties limits) {
        return new DcatPageReader(
                JsonLdContexts.through(fetcher), limits.maxPageSize().toBytes());
    }

    @Bean
    SourceKindTemplates sourceKindTemplates(
            HarvestRoutes routes,
            List<SourceKind> kinds,
            PageFetcher fetcher,
            PageGuard guard,
            RecordLimits limits,
            RetryDelays delays,
            LimitsProperties limitsProperties) {
        return new SourceKindTemplates(routes, kinds, fetcher, guard, limits, delays, limitsProperties);
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
    SourceProbe sourceProbe(
            PageFetcher fetcher,
            PageGuard guard,
            List<SourceKind> kinds,
            Sources sources,
            CredentialHeaders headers,
            FetchFailures failures) {
        return new SourceProbe(fetcher, guard, kinds, sources, headers, failures);
    }

    @Bean
    HarvestEngine harvestEngine(
            Sources sources,
            RunSessions sessions,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            CamelContext camel,
            HarvestProperties properties,
            Clock clock) {
        return new HarvestEngine(sources, sessions, jdbc, transactions, camel, properties, clock);
    }
}
