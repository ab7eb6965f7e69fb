/**
 * How harvested descriptions enter the catalogue and leave it: {@link
 * org.comptoir.catalog.ingest.CatalogIngestion} reconciles each {@link
 * org.comptoir.catalog.ingest.HarvestedRecord} by its source key and content hash (skip, add,
 * update), or by its other identity keys when its source changed its keys; {@link
 * org.comptoir.catalog.ingest.HarvestWithdrawals} withdraws what complete runs no longer list once
 * their grace is over, and holds for a person the withdrawals too large for one run. Connectors end
 * here, never in a repository.
 */
package org.comptoir.catalog.ingest;
