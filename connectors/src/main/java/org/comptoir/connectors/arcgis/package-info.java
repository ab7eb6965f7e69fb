/**
 * The {@code arcgis} source kind: an ArcGIS Server (or ArcGIS Enterprise, ArcGIS Online) REST
 * services directory, walked folder by folder and service by service. {@link
 * org.comptoir.connectors.arcgis.ArcgisKind} makes each layer and table of a MapServer or
 * FeatureServer a DCAT-AP 3 dataset.
 */
package org.comptoir.connectors.arcgis;
