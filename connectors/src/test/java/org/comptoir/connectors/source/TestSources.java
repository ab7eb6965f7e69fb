package org.comptoir.connectors.source;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link Sources} over a test database, with a fixed key and schedules that are only recorded. */
public final class TestSources {
    /** A key for tests only. */
    public static final byte[] KEY = new byte[32];

    /** What the sources told their schedules, as "changed:id" or "deleted:id". */
    public static final class RecordedSchedules implements SourceSchedules {
        public final List<String> events = new ArrayList<>();

        @Override
        public void changed(Source source) {
            events.add("changed:" + source.id() + ":" + source.schedule());
        }

        @Override
        public void deleted(String sourceId) {
            events.add("deleted:" + sourceId);
        }
    }

    private TestSources() {}

    public static Sources over(DataSource database, Clock clock) {
        return over(database, clock, new RecordedSchedules());
    }

    public static Sources over(DataSource database, Clock clock, SourceSchedules schedules) {
        return new Sources(
                JdbcClient.create(database),
                new TransactionTemplate(new DataSourceTransactionManager(database)),
                new SecretBox(KEY),
                schedules,
                clock);
    }
}
