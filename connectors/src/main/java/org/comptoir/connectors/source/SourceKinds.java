package org.comptoir.connectors.source;

import java.util.Set;

/** The kinds of source Comptoir knows how to harvest; each has a Camel route template of that name. */
public final class SourceKinds {
    /** A DCAT or DCAT-AP catalogue in any RDF syntax, paged with Hydra or not. */
    public static final String DCAT_AP = "dcat-ap";

    /** A CKAN portal, through its action API ({@code package_search}). */
    public static final String CKAN = "ckan";

    /** A udata portal (data.gouv.fr and its instances), through its API v1. */
    public static final String UDATA = "udata";

    /** An Opendatasoft portal, through its Explore API v2.1 catalogue. */
    public static final String OPENDATASOFT = "opendatasoft";

    /** An ArcGIS REST services directory: each layer and table of its map and feature services. */
    public static final String ARCGIS = "arcgis";

    /** A DCAT-US 1.1 {@code data.json} catalogue, such as an ArcGIS Hub site's feed. */
    public static final String DCAT_US = "dcat-us";

    /** An OGC CSW 2.0.2 catalogue, its ISO 19139 records mapped to GeoDCAT-AP. */
    public static final String CSW = "csw";

    private static final Set<String> ALL = Set.of(DCAT_AP, CKAN, UDATA, OPENDATASOFT, ARCGIS, DCAT_US, CSW);

    private SourceKinds() {}

    public static Set<String> all() {
        return ALL;
    }

    public static boolean isKnown(String kind) {
        return kind != null && ALL.contains(kind);
    }
}
