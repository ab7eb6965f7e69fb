package org.comptoir.connectors.harvest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import org.comptoir.connectors.ConnectorException;
import org.comptoir.connectors.source.Source;
import org.comptoir.connectors.source.SourceSchedules;
import org.comptoir.connectors.source.Sources;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans the scheduled harvests of sources in Quartz, on its clustered JDBC job store: whatever the
 * number of nodes, each planned harvest fires on one of them. A source with a cron schedule has one
 * durable job and one single-fire trigger at its next time; when the trigger fires ({@link
 * ScheduledHarvest}), the run starts and the trigger is planned again from the source's current
 * schedule. A trigger missed while every node was down fires once, as soon as a node is back.
 * Spring's cron syntax (six fields, that {@link Sources} validates) is kept as people wrote it.
 */
public class HarvestScheduling implements SourceSchedules {
    static final String GROUP = "comptoir-harvest";

    private final ObjectProvider<Scheduler> scheduler;
    private final ObjectProvider<Sources> sources;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param scheduler and {@code sources} are looked up when first needed: the sources tell this
     *     scheduling about their changes, and the scheduler's jobs ask it to plan again
     */
    public HarvestScheduling(
            ObjectProvider<Scheduler> scheduler,
            ObjectProvider<Sources> sources,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.scheduler = scheduler;
        this.sources = sources;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.zone = ZoneId.systemDefault();
    }

    @Override
    public void changed(Source source) {
        if (source.schedule() == null) {
            deleted(source.id());
        } else {
            plan(source.id(), source.schedule(), clock.instant());
        }
    }

    @Override
    public void deleted(String sourceId) {
        transactions.executeWithoutResult(status -> {
            try {
                scheduler.getObject().deleteJob(JobKey.jobKey(sourceId, GROUP));
            } catch (SchedulerException e) {
                throw new ConnectorException("la planification de la source n'a pas pu être supprimée", e);
            }
        });
    }

    /** When the next scheduled harvest of a source fires, if it has one. */
    public Optional<Instant> next(String sourceId) {
        try {
            var trigger = scheduler.getObject().getTrigger(TriggerKey.triggerKey(sourceId, GROUP));
            return Optional.ofNullable(trigger).map(t -> t.getNextFireTime()).map(Date::toInstant);
        } catch (SchedulerException e) {
            throw new ConnectorException("la planification de la source n'a pas pu être lue", e);
        }
    }

    /** After a scheduled harvest fired: plans the next one from the source's current schedule. */
    void planNext(String sourceId) {
        var source = sources.getObject().find(sourceId);
        if (source.isEmpty() || source.get().schedule() == null) {
            deleted(sourceId);
        } else {
            plan(sourceId, source.get().schedule(), clock.instant());
        }
    }

    private void plan(String sourceId, String cron, Instant after) {
        var next = CronExpression.parse(cron).next(after.atZone(zone));
        if (next == null) {
            deleted(sourceId);
            return;
        }
        var job = JobBuilder.newJob(ScheduledHarvest.class)
                .withIdentity(sourceId, GROUP)
                .withDescription("harvest of source " + sourceId)
                .usingJobData(ScheduledHarvest.SOURCE_ID, sourceId)
                .storeDurably()
                .build();
        var trigger = TriggerBuilder.newTrigger()
                .withIdentity(sourceId, GROUP)
                .forJob(job)
                .withDescription(cron)
                .startAt(Date.from(next.toInstant()))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        transactions.executeWithoutResult(status -> {
            try {
                var quartz = scheduler.getObject();
                quartz.addJob(job, true);
                if (quartz.checkExists(trigger.getKey())) {
                    quartz.rescheduleJob(trigger.getKey(), trigger);
                } else {
                    quartz.scheduleJob(trigger);
                }
            } catch (SchedulerException e) {
                throw new ConnectorException("la planification de la source n'a pas pu être enregistrée", e);
            }
        });
    }
}
