package org.comptoir.catalog.dataset;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Identifiers of new datasets: UUIDs of version 7 (RFC 9562), which begin with the time they were
 * made. Datasets added together get neighbouring identifiers, so that the rows and index entries of
 * a harvest's batch land in a few pages of the store's indexes rather than one page each, as random
 * UUIDs would.
 */
public final class DatasetIds {
    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private DatasetIds() {}

    public static String next() {
        return GENERATOR.generate().toString();
    }
}
