/**
 * The audit trail: who changed which dataset, when, and how. Written in the transaction of the change
 * itself, from the catalogue's {@link org.comptoir.catalog.dataset.DatasetChanged} events.
 */
package org.comptoir.governance.audit;
