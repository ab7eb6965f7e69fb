package org.comptoir.catalog;

import java.time.Clock;
import org.comptoir.catalog.dataset.DatasetRegistration;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.ingest.CatalogIngestion;
import org.comptoir.catalog.search.CatalogSearch;
import org.comptoir.catalog.search.JdbcCatalogSearch;
import org.comptoir.catalog.search.SearchProperties;
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
@EnableConfigurationProperties(SearchProperties.class)
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
    CatalogIngestion catalogIngestion(
            Datasets datasets, PlatformTransactionManager transactions, ApplicationEventPublisher events, Clock clock) {
        return new CatalogIngestion(datasets, new TransactionTemplate(transactions), events, clock);
    }
}
