/**
 * The {@code udata} source kind: data.gouv.fr or another udata portal, read through its API v1
 * ({@code /api/1/datasets/}) page by page. {@link org.comptoir.connectors.udata.UdataKind} maps
 * each dataset to DCAT-AP 3.
 */
package org.comptoir.connectors.udata;
