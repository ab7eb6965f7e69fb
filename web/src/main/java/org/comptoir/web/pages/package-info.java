/**
 * The public screens: the home page with its search, the dataset page (with schema.org {@code
 * Dataset} JSON-LD for search engines), the login page and the error pages. French first, English
 * on {@code ?lang=en}, remembered in a cookie; every visible string comes from {@code
 * messages*.properties}. A visitor of the public audience never sees a dataset that is not open.
 */
package org.comptoir.web.pages;
