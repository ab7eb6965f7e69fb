package org.comptoir.catalog.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a dataset that its source stopped listing leaves the catalogue ({@code
 * comptoir.harvest.withdrawal.*}). Only complete runs count; a failed run never brings a withdrawal
 * closer. Checked when bound: a wrong value stops the application with the property's name.
 *
 * @param graceRuns how many consecutive complete runs must miss a dataset before it is withdrawn
 *     (1: the first one that misses it withdraws it)
 * @param graceDays how many days must also have passed since the first of those runs (0: none)
 * @param maxShare the share of a source's datasets (0 to 1) that one run may find missing; a run
 *     missing more withdraws nothing and waits for a person to confirm
 * @param shareMinCount the share rule holds a run only from this many missing datasets, so that a
 *     small source may lose one dataset without asking anyone; a run missing every dataset of its
 *     source is held whatever the count
 */
@ConfigurationProperties("comptoir.harvest.withdrawal")
public record WithdrawalProperties(
        @DefaultValue("2") int graceRuns,
        @DefaultValue("0") int graceDays,
        @DefaultValue("0.2") double maxShare,
        @DefaultValue("2") int shareMinCount) {

    public WithdrawalProperties {
        if (graceRuns < 1 || graceRuns > 100) {
            throw new IllegalArgumentException(
                    "comptoir.harvest.withdrawal.grace-runs doit être entre 1 et 100 (reçu " + graceRuns + ")");
        }
        if (graceDays < 0 || graceDays > 3650) {
            throw new IllegalArgumentException(
                    "comptoir.harvest.withdrawal.grace-days doit être entre 0 et 3650 (reçu " + graceDays + ")");
        }
        if (!(maxShare > 0 && maxShare <= 1)) {
            throw new IllegalArgumentException("comptoir.harvest.withdrawal.max-share doit être une part "
                    + "strictement positive et au plus 1, par exemple 0.2 pour 20 % (reçu " + maxShare + ")");
        }
        if (shareMinCount < 1) {
            throw new IllegalArgumentException("comptoir.harvest.withdrawal.share-min-count doit valoir au moins 1 "
                    + "(reçu " + shareMinCount + ")");
        }
    }

    /** The defaults, as the embedded profile uses them. */
    public static WithdrawalProperties defaults() {
        return new WithdrawalProperties(2, 0, 0.2, 2);
    }
}
