package org.comptoir.connectors.arcgis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.comptoir.catalog.dataset.Description;
import org.comptoir.catalog.dataset.Distribution;
import org.comptoir.catalog.ingest.HarvestedRecord;
import org.comptoir.catalog.rdf.DatasetRdf;
import org.comptoir.connectors.Reference;
import org.comptoir.connectors.harvest.HarvestAbortedException;
import org.comptoir.connectors.harvest.SourcePage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The ArcGIS directory walk and layer mapping, without Camel, on Esri's layer JSON and our directory. */
class ArcgisKindTests {
    private static final String ROOT = "https://sig.metropole.example/arcgis/rest/services";
    private final ArcgisKind kind = new ArcgisKind();

    @Test
    void walksTheDirectoryServiceByServiceFeatureServerFirstAndFoldersAfter() {
        assertThat(kind.firstPage(ROOT + "/", 100)).isEqualTo(ROOT + "?f=json");

        var visited = new ArrayList<String>();
        var page = kind.firstPage(ROOT, 100);
        while (page != null) {
            visited.add(page);
            page = read(fixture(page), page).next();
        }

        assertThat(visited)
                .containsExactly(
                        ROOT + "?f=json",
                        ROOT + "/Voirie/FeatureServer/layers?f=json&comptoir-todo=Environnement/,Utilities/",
                        ROOT + "/Environnement?f=json&comptoir-todo=Utilities/",
                        ROOT + "/Environnement/Arbres/MapServer/layers?f=json&comptoir-todo=Utilities/",
                        ROOT + "/Utilities?f=json");
        assertThat(kind.after(visited.get(1))).isEqualTo(ROOT + "/Environnement?f=json&comptoir-todo=Utilities/");
        assertThat(kind.after(visited.get(4))).isNull();
    }

    @Test
    void makesEachLayerAndTableADatasetWithItsFieldsAsSchema() {
        var page = read(fixture("voirie-layers.json"), ROOT + "/Voirie/FeatureServer/layers?f=json");

        assertThat(page.totalItems()).isNull();
        assertThat(page.records())
                .extracting(HarvestedRecord::sourceKey)
                .containsExactly(
                        ROOT + "/Voirie/FeatureServer/0",
                        ROOT + "/Voirie/FeatureServer/1",
                        ROOT + "/Voirie/FeatureServer/3");
        var parking = describe(page.records().get(0));
        assertThat(parking.title().get("fr")).contains("Places de stationnement");
        assertThat(parking.description().best("fr")).isEqualTo("Les places de stationnement payantes.");
        assertThat(parking.modified()).isEqualTo("2024-03-04T10:00:00Z");
        assertThat(parking.spatial().bbox()).startsWith("POLYGON((4.7700542 45.6723648, 4.9048015 45.6723648");
        assertThat(parking.distributions())
                .extracting(Distribution::accessUrl)
                .containsExactly(
                        ROOT + "/Voirie/FeatureServer/0",
                        ROOT + "/Voirie/FeatureServer/0/query?where=1%3D1&outFields=*&f=geojson");
        assertThat(parking.distributions().get(0).description().best("fr"))
                .isEqualTo("Champs :\n- OBJECTID (identifiant)\n- NOM_VOIE (texte) : Nom de la voie\n"
                        + "- NB_PLACES (entier) : Nombre de places");
        assertThat(page.records().get(0).rawPayload()).contains("\"NB_PLACES\"");
        var counters = describe(page.records().get(2));
        assertThat(counters.spatial()).isNull();
        assertThat(counters.distributions())
                .extracting(Distribution::format)
                .contains("http://publications.europa.eu/resource/authority/file-type/JSON");
    }

    @Test
    void writesNoBoxForAnExtentInLambert93() {
        var page = read(fixture("arbres-layers.json"), ROOT + "/Environnement/Arbres/MapServer/layers?f=json");

        var trees = describe(page.records().get(0));

        assertThat(trees.spatial()).isNull();
        assertThat(trees.distributions()).hasSize(2);
        assertThat(page.records()
                        .get(0)
                        .description()
                        .listObjectsOfProperty(org.apache.jena.vocabulary.RDFS.label)
                        .toList())
                .extracting(n -> n.asLiteral().getLexicalForm())
                .contains("Métropole de démonstration, 2024");
    }

    @Test
    void convertsEsrisWebMercatorLayerExtentToWgs84() {
        var layer =
                JsonMapper.builder().build().readTree(Reference.bytes("arcgis/rest/featureserver_layer_0_f-json.json"));

        var box = ArcgisLayers.box(layer.path("extent")).orElseThrow();
        var record = ArcgisLayers.record(
                        "https://services.arcgis.com/x/arcgis/rest/services/Tahoe/FeatureServer", layer)
                .orElseThrow();

        assertThat(box[0]).isCloseTo(-121.118, within(1e-3));
        assertThat(box[1]).isCloseTo(38.7754, within(1e-3));
        assertThat(box[2]).isCloseTo(-119.009, within(1e-3));
        assertThat(box[3]).isCloseTo(39.359, within(1e-3));
        var d = describe(record);
        assertThat(d.title().get("fr")).contains("Tahoe places of interest");
        assertThat(d.distributions().get(0).description().best("fr")).contains("- popularity (");
    }

    @Test
    void refusesAnAddressOutsideADirectoryAndReportsAServerError() {
        assertThatThrownBy(() -> kind.firstPage("https://sig.metropole.example/portal/home", 100))
                .isInstanceOf(HarvestAbortedException.class)
                .hasMessageContaining("rest/services");
        var error = "{\"error\": {\"code\": 499, \"message\": \"Token Required\", \"details\": []}}";
        assertThatThrownBy(() -> read(error, ROOT + "?f=json"))
                .isInstanceOf(HarvestAbortedException.class)
                .hasMessageContaining("499 Token Required");
    }

    private SourcePage read(String body, String url) {
        return kind.read(body.getBytes(StandardCharsets.UTF_8), "application/json", url);
    }

    /** The test directory's answer for a page URL, or a fixture by name. */
    private static String fixture(String pageOrName) {
        var name = pageOrName;
        if (pageOrName.startsWith("https://")) {
            var path = pageOrName.substring(ROOT.length(), pageOrName.indexOf('?'));
            name = switch (path) {
                case "" -> "directory-root.json";
                case "/Environnement" -> "directory-environnement.json";
                case "/Utilities" -> "directory-utilities.json";
                case "/Voirie/FeatureServer/layers" -> "voirie-layers.json";
                case "/Environnement/Arbres/MapServer/layers" -> "arbres-layers.json";
                default -> throw new AssertionError("unexpected page " + pageOrName);
            };
        }
        return Reference.fixture(ArcgisKindTests.class, name);
    }

    private static Description describe(HarvestedRecord record) {
        return DatasetRdf.read(record.dataset()).description();
    }
}
