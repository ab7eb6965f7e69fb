package org.comptoir.connectors.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.comptoir.catalog.ingest.HarvestedRecord;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class RecordLimitsTests {
    private static final String KEY = "https://data.ville.example/d/1";

    private final RecordLimits limits = new RecordLimits(
            new LimitsProperties(DataSize.ofMegabytes(64), 100, 10, 20, 1000, 500, DataSize.ofGigabytes(1)));

    @Test
    void acceptsAnOrdinaryDataset() {
        assertThat(limits.problem(dataset(3, 5, "Inventaire des arbres."))).isNull();
    }

    @Test
    void refusesADatasetWithTooManyDistributions() {
        assertThat(limits.problem(dataset(11, 0, "d")))
                .isEqualTo("le jeu de données a plus de 10 distributions (limite "
                        + "comptoir.harvest.limits.max-distributions) ; jeu de données non pris");
    }

    @Test
    void refusesADatasetWithTooManyKeywords() {
        assertThat(limits.problem(dataset(1, 21, "d"))).contains("plus de 20 mots-clés");
    }

    @Test
    void refusesAValueTooLongNamingItsProperty() {
        assertThat(limits.problem(dataset(1, 1, "x".repeat(1001))))
                .isEqualTo("la valeur de dct:description fait 1001 caractères, plus que la limite de 1000 "
                        + "(comptoir.harvest.limits.max-literal-length) ; jeu de données non pris");
    }

    @Test
    void refusesADescriptionWithTooManyStatements() {
        var record = dataset(1, 1, "d");
        for (int i = 0; i < 500; i++) {
            record.description().add(record.dataset(), DCTerms.subject, "sujet " + i);
        }

        assertThat(limits.problem(record)).contains("triplets, plus que la limite de 500");
    }

    @Test
    void refusesAReceivedRecordBeyondTheLimitsWhenItIsMapped() {
        var record =
                limits.checkedWhenMapped(HarvestedRecord.received(KEY, () -> "reçu", "v1", () -> dataset(11, 0, "d")));

        assertThat(record.sourceKey()).isEqualTo(KEY);
        assertThatThrownBy(record::description)
                .isInstanceOf(RecordRefusedException.class)
                .hasMessageContaining("plus de 10 distributions");
    }

    @Test
    void fingerprintsAReceivedRecordWithTheLimitsSoThatOtherLimitsCheckItAgain() {
        var received = HarvestedRecord.received(KEY, () -> "reçu", "v1", () -> dataset(3, 5, "d"));
        var wider = new RecordLimits(
                new LimitsProperties(DataSize.ofMegabytes(64), 100, 20, 20, 1000, 500, DataSize.ofGigabytes(1)));

        assertThat(limits.checkedWhenMapped(received).fingerprint())
                .isEqualTo(limits.checkedWhenMapped(received).fingerprint())
                .isNotEqualTo(wider.checkedWhenMapped(received).fingerprint())
                .isNotEqualTo(received.fingerprint());
        assertThat(limits.checkedWhenMapped(received).description().size()).isEqualTo(14);
    }

    private static HarvestedRecord dataset(int distributions, int keywords, String description) {
        var model = ModelFactory.createDefaultModel();
        var dataset = model.createResource(KEY)
                .addProperty(RDF.type, DCAT.Dataset)
                .addProperty(DCTerms.title, "Arbres")
                .addProperty(DCTerms.description, description);
        for (int i = 0; i < distributions; i++) {
            dataset.addProperty(
                    DCAT.distribution,
                    model.createResource(KEY + "/distribution/" + i)
                            .addProperty(DCAT.accessURL, model.createResource(KEY + "/f" + i)));
        }
        for (int i = 0; i < keywords; i++) {
            dataset.addProperty(DCAT.keyword, "mot " + i);
        }
        return new HarvestedRecord(KEY, model, dataset, "", "text/turtle");
    }
}
