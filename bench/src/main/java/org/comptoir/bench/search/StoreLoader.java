package org.comptoir.bench.search;

import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.IntStream;
import org.comptoir.catalog.dataset.DatasetChanged;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.dataset.DescriptionCheck;
import org.comptoir.catalog.rdf.DatasetGraphs;
import org.comptoir.catalog.rdf.DatasetRdf;
import org.comptoir.catalog.rdf.LocalIris;
import org.comptoir.catalog.search.index.SearchOutbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the application's H2 store with the synthetic catalogue while the application is stopped,
 * writing what {@link org.comptoir.catalog.dataset.DatasetRegistration} writes for a new dataset: its
 * RDF description (checked as registration checks it), its row through catalog-core's {@link
 * Datasets}, and its search outbox row, in one transaction per batch. Registering 100,000 datasets
 * through the API or a harvest would measure those, not the search; the identifiers are derived from
 * the dataset's number instead of random so that every run has the very same store.
 */
final class StoreLoader {
    private static final int BATCH = 1_000;

    private StoreLoader() {}

    /** The JDBC URL of the application's store in a data folder, as {@code application.yaml} builds it. */
    static String url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("comptoir") + ";MODE=MariaDB;AUTO_SERVER=FALSE";
    }

    /** How many datasets the store holds; the schema must exist (the application created it). */
    static long count(Path dataDir) {
        var source = dataSource(dataDir);
        try {
            return new Datasets(JdbcClient.create(source)).count();
        } finally {
            source.destroy();
        }
    }

    /**
     * Writes datasets {@code 0..count-1} into an empty store. Descriptions are built on every core,
     * rows written by one connection.
     */
    static void load(Path dataDir, SyntheticCatalogue catalogue, int count) {
        var source = dataSource(dataDir);
        try {
            var jdbc = JdbcClient.create(source);
            var datasets = new Datasets(jdbc);
            var outbox = new SearchOutbox(jdbc, Clock.systemUTC());
            var transactions = new TransactionTemplate(new DataSourceTransactionManager(source));
            long begin = System.nanoTime();
            for (int from = 0; from < count; from += BATCH) {
                var rows = IntStream.range(from, Math.min(count, from + BATCH))
                        .parallel()
                        .mapToObj(n -> {
                            var dataset = catalogue.dataset(n);
                            var model = DatasetRdf.describe(dataset, null);
                            DescriptionCheck.check(model, LocalIris.dataset(dataset.id()));
                            return new Row(dataset, DatasetGraphs.toNTriples(model));
                        })
                        .toList();
                transactions.executeWithoutResult(status -> rows.forEach(row -> {
                    datasets.insert(row.dataset(), row.graph(), null);
                    outbox.on(new DatasetChanged(row.dataset().id(), 1, DatasetChanged.Change.CREATED, "search-bench"));
                }));
                if ((from / BATCH) % 10 == 9) {
                    System.out.printf(
                            "  %,d datasets written (%.0f/s)%n",
                            from + rows.size(), (from + rows.size()) / ((System.nanoTime() - begin) / 1e9));
                }
            }
        } finally {
            source.destroy();
        }
    }

    private static SingleConnectionDataSource dataSource(Path dataDir) {
        var source = new SingleConnectionDataSource(url(dataDir), "sa", "", true);
        source.setAutoCommit(true);
        return source;
    }

    private record Row(org.comptoir.catalog.dataset.Dataset dataset, String graph) {}
}
