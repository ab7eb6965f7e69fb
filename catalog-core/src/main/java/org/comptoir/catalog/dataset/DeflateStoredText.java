package org.comptoir.catalog.dataset;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * The migration of a text column to a deflated one ({@link Deflated}, ADR 0020): copies every
 * row's text, deflated, into a column of the same row where it is still empty, or into a row of
 * another table keyed by the same value where there is none yet; a few hundred rows per
 * transaction. Run again after a stop, it takes up where it stopped; it changes neither the text
 * column nor any text already copied.
 *
 * <p>Its parameters name the table, its single-column key, the text column, and the column to
 * copy into; with {@code intoTable} and {@code intoKey}, that column is in another table. Liquibase
 * sets them from the change set.
 */
public class DeflateStoredText implements CustomTaskChange {
    private static final int BATCH = 500;

    private String table;
    private String key;
    private String from;
    private String to;
    private String intoTable;
    private String intoKey;
    private long rows;

    public void setTable(String table) {
        this.table = table;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public void setIntoTable(String intoTable) {
        this.intoTable = intoTable;
    }

    public void setIntoKey(String intoKey) {
        this.intoKey = intoKey;
    }

    @Override
    public void execute(Database database) throws CustomChangeException {
        try {
            var connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
            var after = "";
            while (true) {
                var batch = next(connection, after);
                if (batch.isEmpty()) {
                    break;
                }
                var write = intoTable == null
                        ? "UPDATE " + table + " SET " + to + " = ? WHERE " + key + " = ?"
                        : "INSERT INTO " + intoTable + " (" + to + ", " + intoKey + ") VALUES (?, ?)";
                try (var copy = connection.prepareStatement(write)) {
                    for (var row : batch) {
                        copy.setBytes(1, Deflated.of(row[1]).bytes());
                        copy.setString(2, row[0]);
                        copy.addBatch();
                    }
                    copy.executeBatch();
                }
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                rows += batch.size();
                after = batch.getLast()[0];
            }
        } catch (SQLException e) {
            throw new CustomChangeException(
                    "Deflating " + table + "." + from + " stopped after " + rows + " rows: " + e.getMessage(), e);
        }
    }

    private ArrayList<String[]> next(Connection connection, String after) throws SQLException {
        var batch = new ArrayList<String[]>();
        var missing = intoTable == null
                ? to + " IS NULL"
                : "NOT EXISTS (SELECT 1 FROM " + intoTable + " i WHERE i." + intoKey + " = t." + key + ")";
        try (var select = connection.prepareStatement("SELECT t." + key + ", t." + from + " FROM " + table
                + " t WHERE t." + key + " > ? AND " + missing + " ORDER BY t." + key + " LIMIT " + BATCH)) {
            select.setString(1, after);
            try (var result = select.executeQuery()) {
                while (result.next()) {
                    batch.add(new String[] {result.getString(1), result.getString(2)});
                }
            }
        }
        return batch;
    }

    @Override
    public String getConfirmationMessage() {
        return "Deflated " + table + "." + from + " into " + (intoTable == null ? table : intoTable) + "." + to + ": "
                + rows + " rows";
    }

    @Override
    public void setUp() {}

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {}

    @Override
    public ValidationErrors validate(Database database) {
        var errors = new ValidationErrors();
        errors.checkRequiredField("table", table);
        errors.checkRequiredField("key", key);
        errors.checkRequiredField("from", from);
        errors.checkRequiredField("to", to);
        if ((intoTable == null) != (intoKey == null)) {
            errors.addError("intoTable and intoKey go together");
        }
        return errors;
    }
}
