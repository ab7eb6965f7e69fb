/**
 * The systems Comptoir harvests: {@link org.comptoir.connectors.source.Sources} registers a
 * {@link org.comptoir.connectors.source.NewSource} once it is valid (name, a known
 * {@link org.comptoir.connectors.source.SourceKinds kind}, an http(s) URL, an optional cron schedule)
 * and keeps it in the relational store.
 */
package org.comptoir.connectors.source;
