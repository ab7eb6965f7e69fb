package org.comptoir.catalog;

import java.time.Clock;
import org.comptoir.catalog.dataset.DatasetProjections;
import org.comptoir.catalog.dataset.DatasetRegistration;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.ingest.CatalogIngestion;
import org.comptoir.catalog.ingest.DatasetIdentities;
import org.comptoir.catalog.ingest.DatasetIdentityKeys;
import org.comptoir.catalog.ingest.HarvestWithdrawals;
import org.comptoir.catalog.ingest.WithdrawalProperties;
import org.comptoir.catalog.search.SearchEngine;
import org.comptoir.catalog.search.SearchProperties;
import org.comptoir.catalog.search.SourceLabels;
import org.comptoir.catalog.search.elasticsearch.ElasticsearchSearchEngine;
import org.comptoir.catalog.search.index.SearchIndexer;
import org.comptoir.catalog.search.index.SearchOutbox;
import org.comptoir.catalog.search.lucene.LuceneSearchEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalogue's beans, over the application's data source: the datasets, the doors that write
 * them, and the search engine with the indexer that keeps it following the store.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WithdrawalProperties.class, SearchProperties.class})
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

    /** Projects the stored datasets that have no projection yet, at start-up, before the indexer. */
    @Bean
    DatasetProjections datasetProjections(Datasets datasets) {
        return new DatasetProjections(datasets);
    }

    /** The engine {@code comptoir.search.engine} names; it answers searches and holds the index. */
    @Bean(destroyMethod = "close")
    SearchEngine searchEngine(SearchProperties properties) {
        return switch (properties.engine()) {
            case LUCENE -> new LuceneSearchEngine(properties.lucene().directory());
            case ELASTICSEARCH ->
                new ElasticsearchSearchEngine(
                        properties.elasticsearch().url().toString(),
                        properties.elasticsearch().indexPrefix());
        };
    }

    /** Writes a row for every {@code DatasetChanged}, in the transaction of the change. */
    @Bean
    SearchOutbox searchOutbox(JdbcClient jdbc, Clock clock) {
        return new SearchOutbox(jdbc, clock);
    }

    /**
     * Keeps the index following the outbox on this node. The names of harvest sources come from
     * the application ({@link SourceLabels}); without them, sources are faceted by identifier only.
     */
    @Bean
    SearchIndexer searchIndexer(
            SearchOutbox outbox,
            Datasets datasets,
            SearchEngine engine,
            ObjectProvider<SourceLabels> labels,
            SearchProperties properties,
            Clock clock) {
        var indexer = properties.indexer();
        return new SearchIndexer(
                outbox,
                datasets,
                engine,
                labels.getIfAvailable(() -> SourceLabels.NONE),
                new SearchIndexer.Settings(
                        indexer.pollInterval(), indexer.batchSize(), indexer.gapTimeout(), indexer.retention()),
                clock);
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

    /** Gives harvested datasets taken in before identity keys were kept theirs, at start-up. */
    @Bean
    DatasetIdentityKeys datasetIdentityKeys(
            Datasets datasets, DatasetIdentities identities, PlatformTransactionManager transactions) {
        return new DatasetIdentityKeys(datasets, identities, new TransactionTemplate(transactions));
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
