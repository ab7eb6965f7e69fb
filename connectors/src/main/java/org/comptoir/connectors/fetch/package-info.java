/**
 * How harvests reach their sources and what they accept from them, whatever the kind: the network
 * rules ({@link org.comptoir.connectors.fetch.NetworkRules}, applied to every DNS answer and
 * redirect), the fetcher with its page size limit and refusal of truncated answers ({@link
 * org.comptoir.connectors.fetch.PageFetcher}), the waits between attempts ({@link
 * org.comptoir.connectors.fetch.RetryDelays}), the checks a page passes before any parser sees it
 * ({@link org.comptoir.connectors.fetch.PageGuard}) and the per-record limits ({@link
 * org.comptoir.connectors.fetch.RecordLimits}). Settings: {@link
 * org.comptoir.connectors.fetch.NetworkProperties} and {@link
 * org.comptoir.connectors.fetch.LimitsProperties}.
 */
package org.comptoir.connectors.fetch;
