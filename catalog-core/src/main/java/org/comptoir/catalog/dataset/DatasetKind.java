package org.comptoir.catalog.dataset;

/** A plain dataset ({@code dcat:Dataset}) or a series of them ({@code dcat:DatasetSeries}). */
public enum DatasetKind {
    DATASET,
    SERIES
}
