package org.comptoir.web.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.catalog.Fixtures.aDataset;
import static org.comptoir.catalog.Fixtures.governance;
import static org.comptoir.catalog.Fixtures.openGovernance;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.comptoir.catalog.dataset.AccessLevel;
import org.comptoir.catalog.dataset.Audience;
import org.comptoir.catalog.dataset.Dataset;
import org.comptoir.catalog.dataset.DatasetKind;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.dataset.Governance;
import org.comptoir.catalog.dataset.PersonalData;
import org.comptoir.catalog.dataset.Provenance;
import org.comptoir.catalog.dataset.PublicationStatus;
import org.comptoir.catalog.dataset.StoredDataset;
import org.comptoir.catalog.rdf.DatasetGraphs;
import org.comptoir.catalog.rdf.DatasetRdf;
import org.comptoir.catalog.rdf.LocalIris;
import org.comptoir.ontologies.Cpt;
import org.comptoir.ontologies.Hydra;
import org.junit.jupiter.api.Test;

/** The DCAT-AP views the feed builds from stored descriptions, without a server. */
class CatalogFeedTests {
    private static final String BASE = "https://data.metropole.example/";
    private static final CatalogProperties PROPERTIES = new CatalogProperties(
            "Catalogue",
            "Catalogue",
            "Les données.",
            "The data.",
            "Métropole",
            "https://metropole.example/org",
            "https://www.etalab.gouv.fr/licence-ouverte-open-licence/");

    private final Datasets datasets = mock(Datasets.class);
    private final CatalogFeed feed = new CatalogFeed(datasets, PROPERTIES);

    @Test
    void thePublicReadsAnOpenDatasetWithoutItsOwnersNameButWithItsOtherGovernanceTerms() {
        var open = stored(openGovernance());

        var model = feed.dataset(open.dataset().id(), BASE, Audience.PUBLIC).orElseThrow();

        var dataset = model.getResource(BASE + "datasets/" + open.dataset().id());
        assertThat(dataset.hasProperty(RDF.type, DCAT.Dataset)).isTrue();
        assertThat(model.listStatements(null, Cpt.ownerName, (RDFNode) null).toList())
                .isEmpty();
        assertThat(model.listStatements(null, Cpt.ownerEmail, (RDFNode) null).toList())
                .isEmpty();
        assertThat(dataset.hasProperty(Cpt.orgUnit)).isTrue();
        assertThat(dataset.hasProperty(Cpt.personalData)).isTrue();
        assertThat(model.listSubjects().toList()).noneMatch(s -> s.isURIResource() && LocalIris.isLocal(s.getURI()));
    }

    @Test
    void thePublicNeverReadsADatasetThatIsNotOpen() {
        for (var closed : List.of(
                governance(AccessLevel.PUBLIC, PersonalData.PERSONAL, PublicationStatus.PUBLISHED),
                governance(AccessLevel.PUBLIC, PersonalData.SENSITIVE, PublicationStatus.PUBLISHED),
                governance(AccessLevel.PUBLIC, PersonalData.PSEUDONYMISED, PublicationStatus.PUBLISHED),
                governance(AccessLevel.RESTRICTED, PersonalData.NONE, PublicationStatus.PUBLISHED),
                governance(AccessLevel.NON_PUBLIC, PersonalData.NONE, PublicationStatus.PUBLISHED),
                governance(AccessLevel.PUBLIC, PersonalData.NONE, PublicationStatus.SUBMITTED),
                governance(AccessLevel.PUBLIC, PersonalData.NONE, PublicationStatus.WITHDRAWN))) {
            var stored = stored(closed);

            assertThat(feed.dataset(stored.dataset().id(), BASE, Audience.PUBLIC))
                    .as("%s", closed)
                    .isEmpty();
        }
    }

    @Test
    void theAuthoritysOwnUsersReadAnyDatasetWithItsOwner() {
        var personal = stored(governance(AccessLevel.RESTRICTED, PersonalData.PERSONAL, PublicationStatus.DRAFT));

        var model =
                feed.dataset(personal.dataset().id(), BASE, Audience.INTERNAL).orElseThrow();

        var dataset = model.getResource(BASE + "datasets/" + personal.dataset().id());
        assertThat(dataset.getProperty(Cpt.ownerName).getString()).isEqualTo("Camille Durand");
    }

    @Test
    void aMiddlePageLinksToTheFirstLastPreviousAndNextPages() {
        var onPage = List.of(stored(openGovernance()), stored(openGovernance()));
        when(datasets.countOpen(any())).thenReturn(5L);
        when(datasets.open(any(), eq(2), eq(2))).thenReturn(onPage);
        when(datasets.open(isNull(), eq(4), eq(1))).thenReturn(List.of(onPage.getLast()));

        var page = feed.page(FeedQuery.parse("2", "2", "2020-01-01"), BASE, BASE + "catalog.ttl");

        var catalog = page.getResource(BASE + "catalog");
        var view = page.getResource(BASE + "catalog.ttl?page=2&size=2&modified_since=2020-01-01");
        assertThat(catalog.hasProperty(Hydra.view, view)).isTrue();
        assertThat(catalog.getProperty(Hydra.totalItems).getLong()).isEqualTo(5);
        assertThat(view.hasProperty(RDF.type, Hydra.PartialCollectionView)).isTrue();
        assertThat(link(view, Hydra.first)).isEqualTo(BASE + "catalog.ttl?page=1&size=2&modified_since=2020-01-01");
        assertThat(link(view, Hydra.previous)).isEqualTo(BASE + "catalog.ttl?page=1&size=2&modified_since=2020-01-01");
        assertThat(link(view, Hydra.next)).isEqualTo(BASE + "catalog.ttl?page=3&size=2&modified_since=2020-01-01");
        assertThat(link(view, Hydra.last)).isEqualTo(BASE + "catalog.ttl?page=3&size=2&modified_since=2020-01-01");
        assertThat(page.listObjectsOfProperty(catalog, DCAT.dataset).toList())
                .extracting(RDFNode::toString)
                .containsExactlyInAnyOrder(
                        BASE + "datasets/" + onPage.getFirst().dataset().id(),
                        BASE + "datasets/" + onPage.getLast().dataset().id());
        assertThat(catalog.getProperty(DCTerms.modified).getString()).isEqualTo("2026-02-01T10:00:00Z");
        assertThat(page.listStatements(null, Cpt.ownerName, (RDFNode) null).toList())
                .isEmpty();
    }

    @Test
    void anEmptyListingIsOnePageWithoutNextNorDatasets() {
        when(datasets.countOpen(any())).thenReturn(0L);

        var page = feed.page(FeedQuery.parse(null, null, "2999-01-01"), BASE, BASE + "catalog");

        var view = page.getResource(BASE + "catalog?page=1&modified_since=2999-01-01");
        assertThat(link(view, Hydra.last)).isEqualTo(BASE + "catalog?page=1&modified_since=2999-01-01");
        assertThat(view.hasProperty(Hydra.next)).isFalse();
        assertThat(view.hasProperty(Hydra.previous)).isFalse();
        assertThat(page.listObjectsOfProperty(DCAT.dataset).toList()).isEmpty();
        assertThat(page.getResource(BASE + "catalog").hasProperty(DCTerms.modified))
                .isFalse();
    }

    private static String link(org.apache.jena.rdf.model.Resource view, org.apache.jena.rdf.model.Property p) {
        return view.getPropertyResourceValue(p).getURI();
    }

    private StoredDataset stored(Governance governance) {
        var id = UUID.randomUUID().toString();
        var description = aDataset().build();
        var model = ModelFactory.createDefaultModel();
        DatasetRdf.write(model, LocalIris.dataset(id), DatasetKind.DATASET, description, governance);
        DatasetGraphs.nameDistributions(model, LocalIris.dataset(id), id);
        var updated = Instant.parse("2026-02-01T10:00:00.123Z");
        var dataset = new Dataset(
                id, 1, DatasetKind.DATASET, description, governance, new Provenance(null, null, updated, updated));
        var stored = new StoredDataset(dataset, DatasetGraphs.toNTriples(model), null);
        when(datasets.find(id)).thenReturn(Optional.of(stored));
        return stored;
    }
}
