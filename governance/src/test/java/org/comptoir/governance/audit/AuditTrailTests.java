package org.comptoir.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.comptoir.catalog.Fixtures.aDataset;
import static org.comptoir.catalog.Fixtures.openGovernance;

import java.time.Clock;
import org.comptoir.catalog.TestDatabases;
import org.comptoir.catalog.dataset.DatasetChanged;
import org.comptoir.catalog.dataset.DatasetKind;
import org.comptoir.catalog.dataset.DatasetRegistration;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.dataset.StaleDatasetException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class AuditTrailTests {
    private final javax.sql.DataSource dataSource =
            TestDatabases.h2("classpath:db/changelog/catalog.yaml", "classpath:db/changelog/governance.yaml");
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final AuditTrail trail = new AuditTrail(jdbc);
    private final DatasetRegistration registration = new DatasetRegistration(
            new Datasets(jdbc),
            new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
            event -> trail.on((DatasetChanged) event),
            Clock.systemUTC());

    @Test
    void recordsWhoCreatedChangedAndWithdrewADataset() {
        var created = registration.register(DatasetKind.DATASET, aDataset().build(), openGovernance(), "owner");
        registration.update(
                created.id(),
                1,
                DatasetKind.DATASET,
                aDataset().withTitle("Nouveau titre").build(),
                openGovernance(),
                "cdo");
        registration.withdraw(created.id(), 2, "cdo");

        assertThat(trail.of(created.id()))
                .extracting(AuditEvent::actor, AuditEvent::action, AuditEvent::version)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("owner", "CREATED", 1L),
                        org.assertj.core.groups.Tuple.tuple("cdo", "UPDATED", 2L),
                        org.assertj.core.groups.Tuple.tuple("cdo", "WITHDRAWN", 3L));
    }

    @Test
    void keepsNoTraceOfAChangeThatDidNotHappen() {
        var created = registration.register(DatasetKind.DATASET, aDataset().build(), openGovernance(), "owner");

        assertThatThrownBy(() -> registration.update(
                        created.id(), 7, DatasetKind.DATASET, aDataset().build(), openGovernance(), "cdo"))
                .isInstanceOf(StaleDatasetException.class);
        assertThat(trail.of(created.id())).extracting(AuditEvent::action).containsExactly("CREATED");
    }
}
