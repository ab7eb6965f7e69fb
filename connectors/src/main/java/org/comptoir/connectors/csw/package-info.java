/**
 * The {@code csw} source kind: an OGC CSW 2.0.2 catalogue (GeoNetwork, the IGN Géoplateforme,
 * regional spatial data infrastructures) read with {@code GetRecords} in ISO 19139, paged. {@link
 * org.comptoir.connectors.csw.CswKind} maps each ISO record to a GeoDCAT-AP dataset.
 */
package org.comptoir.connectors.csw;
