/**
 * The demo territory: a fictional Métropole whose source systems publish DCAT-AP catalogues
 * (bundled under {@code demo/sources/}). With the {@code demo} profile, the first start harvests
 * them through the real {@code dcat-ap} connector, over HTTP, and creates the demo accounts.
 */
package org.comptoir.web.demo;
