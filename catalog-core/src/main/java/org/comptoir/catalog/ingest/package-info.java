/**
 * How harvested descriptions enter the catalogue: {@link org.comptoir.catalog.ingest.CatalogIngestion}
 * reconciles each {@link org.comptoir.catalog.ingest.HarvestedRecord} by its source key and content
 * hash (skip, add, update) and withdraws what a complete run no longer saw. Connectors end here,
 * never in a repository.
 */
package org.comptoir.catalog.ingest;
