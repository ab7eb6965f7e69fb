/**
 * Harvest runs: {@link org.comptoir.connectors.harvest.HarvestEngine} queues a run of a source and
 * drives it through the source's Camel route in the background; a
 * {@link org.comptoir.connectors.harvest.HarvestRun} tells its status, progress, counts and
 * per-record errors while it goes. Also what every route template shares: the route configuration
 * for retries, timeouts and error recording, and the run session that takes records into the
 * catalogue. Settings: {@link org.comptoir.connectors.harvest.HarvestProperties}.
 */
package org.comptoir.connectors.harvest;
