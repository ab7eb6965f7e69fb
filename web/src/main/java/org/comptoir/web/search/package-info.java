/**
 * What the API and the screens share to search the catalogue: turning request parameters into a
 * {@link org.comptoir.catalog.search.SearchQuery} with French explanations of what is wrong, and
 * the names and kinds of harvest sources that the catalogue facets on.
 */
package org.comptoir.web.search;
