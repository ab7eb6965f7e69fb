/**
 * The vocabularies Comptoir speaks: constants for the terms Jena lacks (DCAT-AP, ADMS, DPV, Hydra,
 * LOCN, our own governance terms), the authority tables (themes, file types, frequencies, languages,
 * licences) with their French and English labels, and the project's own SHACL shapes.
 */
package org.comptoir.ontologies;
