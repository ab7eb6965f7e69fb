/**
 * Datasets: the DCAT-AP 3 description ({@link org.comptoir.catalog.dataset.Description}), the
 * governance the authority attaches ({@link org.comptoir.catalog.dataset.Governance}), their store
 * ({@link org.comptoir.catalog.dataset.Datasets}) and what owners do with them ({@link
 * org.comptoir.catalog.dataset.DatasetRegistration}).
 */
package org.comptoir.catalog.dataset;
