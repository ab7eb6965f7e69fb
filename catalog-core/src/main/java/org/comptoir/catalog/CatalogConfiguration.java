package org.comptoir.catalog;

import java.time.Clock;
import org.comptoir.catalog.dataset.DatasetRegistration;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.ingest.CatalogIngestion;
import org.comptoir.catalog.ingest.DatasetIdentities;
import org.comptoir.catalog.ingest.HarvestWithdrawals;
import org.comptoir.catalog.ingest.WithdrawalProperties;
import org.comptoir.catalog.search.CatalogSearch;
import org.comptoir.catalog.search.JdbcCatalogSearch;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The catalogue's beans, over the application's data source. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WithdrawalProperties.class)
public class CatalogConfiguration {
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Datasets datasets(JdbcClient jdbc) {
        return new Datasets(jdbc);
    }

    @Bean
    @ConditionalOnMissingBean(CatalogSearch.class)
    CatalogSearch catalogSearch(JdbcClient jdbc, Datasets datasets) {
        return new JdbcCatalogSearch(jdbc, datasets);
    }

    @Bean
    DatasetRegistration datasetRegistration(
            Datasets datasets, PlatformTransactionManager transactions, ApplicationEventPublisher events, Clock clock) {
        return new DatasetRegistration(datasets, new TransactionTemplate(transactions), events, clock);
    }

    @Bean
    DatasetIdentities datasetIdentities(JdbcClient jdbc) {
        return new DatasetIdentities(jdbc);
    }

    @Bean
    HarvestWithdrawals harvestWithdrawals(
            Datasets datasets,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            Clock clock,
            WithdrawalProperties properties) {
        return new HarvestWithdrawals(datasets, jdbc, new TransactionTemplate(transactions), events, clock, properties);
    }

    @Bean
    CatalogIngestion catalogIngestion(
            Datasets datasets,
            DatasetIdentities identities,
            HarvestWithdrawals withdrawals,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        return new CatalogIngestion(
                datasets, identities, withdrawals, new TransactionTemplate(transactions), events, clock);
    }
}
