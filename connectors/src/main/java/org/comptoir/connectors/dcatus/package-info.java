/**
 * The {@code dcat-us} source kind: a DCAT-US 1.1 (Project Open Data) {@code data.json} catalogue,
 * the feed ArcGIS Hub sites and many US-made portals publish. {@link
 * org.comptoir.connectors.dcatus.DcatUsKind} maps each dataset to DCAT-AP 3.
 */
package org.comptoir.connectors.dcatus;
