package org.comptoir.connectors.source;

/**
 * Told by {@link Sources}, inside the transaction that changes a source, so that its schedule
 * follows: the harvest scheduler implements it.
 */
public interface SourceSchedules {
    /** The source was created or changed: (re)plan its harvests from its schedule, or stop them. */
    void changed(Source source);

    /** The source was deleted: plan no more harvests of it. */
    void deleted(String sourceId);
}
