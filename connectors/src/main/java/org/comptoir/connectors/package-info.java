/**
 * Harvesting: the sources Comptoir reads (package {@code source}), the runs that read them (package
 * {@code harvest}) and one Camel route template per source kind (packages {@code dcat}, {@code ckan}, {@code udata},
 * {@code opendatasoft}, {@code arcgis}, {@code dcatus} and {@code csw}, with the shared {@code mapping}
 * and {@code xml} helpers). Every record ends in the catalogue's ingestion API; a run is a first-class object
 * with its progress, counts and per-record errors. {@link org.comptoir.connectors.ConnectorsConfiguration}
 * provides the beans; {@link org.comptoir.connectors.ConnectorException} is the base of what the
 * module throws.
 */
package org.comptoir.connectors;
