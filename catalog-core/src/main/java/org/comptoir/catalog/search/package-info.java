/**
 * The search port of the catalogue ({@link org.comptoir.catalog.search.CatalogSearch}) and its
 * embedded adapter over the relational store. Every implementation honours the audience: the
 * public never sees a dataset that is not open, not even as a count.
 */
package org.comptoir.catalog.search;
