package org.comptoir.connectors.harvest;

import org.comptoir.connectors.RunAlreadyActiveException;
import org.comptoir.connectors.SourceNotFoundException;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job of a source's schedule: starts a run (trigger {@code SCHEDULE}) unless one is
 * already going on, then plans the next one. Quartz fires each trigger on one node of the cluster;
 * the database's one-active-run-per-source rule covers the rest.
 */
@DisallowConcurrentExecution
public class ScheduledHarvest implements Job {
    static final String SOURCE_ID = "sourceId";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledHarvest.class);

    private final HarvestEngine engine;
    private final HarvestScheduling scheduling;

    public ScheduledHarvest(HarvestEngine engine, HarvestScheduling scheduling) {
        this.engine = engine;
        this.scheduling = scheduling;
    }

    @Override
    public void execute(JobExecutionContext context) {
        var sourceId = context.getMergedJobDataMap().getString(SOURCE_ID);
        try {
            var run = engine.start(sourceId, RunTrigger.schedule());
            LOG.info("Scheduled run {} of source {} started", run.id(), sourceId);
        } catch (RunAlreadyActiveException e) {
            LOG.info("Scheduled run of source {} skipped: run {} is still going on", sourceId, e.activeRunId());
        } catch (SourceNotFoundException e) {
            LOG.info("Scheduled run of source {} skipped: the source is gone", sourceId);
        } finally {
            scheduling.planNext(sourceId);
        }
    }
}
