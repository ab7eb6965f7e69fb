/**
 * Governance of the catalogue: data owners, RGPD classification, sharing agreements, charter rules
 * and the audit trail. It listens to the catalogue's events and never reaches into its internals.
 */
package org.comptoir.governance;
