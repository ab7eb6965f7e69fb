package org.comptoir.catalog.dataset;

import org.springframework.context.SmartLifecycle;

/**
 * A migration of stored rows that runs at start-up, before the components of the default phase (the
 * search indexer, the harvest scheduler) start, so that they find the rows migrated. Each migration
 * is idempotent and safe on several nodes at once.
 */
public abstract class StartUpMigration implements SmartLifecycle {
    private volatile boolean running;

    /**
     * Migrates what is left to migrate.
     *
     * @return how many rows were looked at
     */
    public abstract long backfill();

    @Override
    public final int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1000;
    }

    @Override
    public final void start() {
        backfill();
        running = true;
    }

    @Override
    public final void stop() {
        running = false;
    }

    @Override
    public final boolean isRunning() {
        return running;
    }
}
