package org.comptoir.catalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.comptoir.catalog.Fixtures.openGovernance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.comptoir.catalog.dataset.AccessLevel;
import org.comptoir.catalog.dataset.DatasetRegistration;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.dataset.Governance;
import org.comptoir.catalog.dataset.Owner;
import org.comptoir.catalog.dataset.PersonalData;
import org.comptoir.catalog.dataset.PublicationStatus;
import org.comptoir.catalog.rdf.LocalIris;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How harvests keep datasets across runs, on every store (H2, MariaDB): withdrawal only after a
 * grace, held when a source suddenly lists far fewer datasets, and identity kept when a source
 * changes its keys. Subclasses only say which database to use.
 */
public abstract class HarvestIngestionContract {
    protected static final String[] CHANGELOGS = {
        "classpath:db/changelog/catalog.yaml", "classpath:db/changelog/ingest.yaml"
    };
    private static final String SOURCE = "src-ville";
    private static final String HUB = "https://data.ville.example/";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T03:00:00Z"));
    private DataSource dataSource;
    private JdbcClient jdbc;
    private Datasets datasets;
    private DatasetIdentities identities;
    private HarvestWithdrawals withdrawals;
    private CatalogIngestion ingestion;
    private int runs;

    private final List<Object> published = new ArrayList<>();

    protected abstract DataSource dataSource();

    /**
     * How many records a run hands to the catalogue at once: 0 for one by one ({@link
     * CatalogIngestion#ingest}), else batches of that size ({@link CatalogIngestion#ingestAll}).
     */
    protected int batchSize() {
        return 0;
    }

    @BeforeEach
    void setUp() {
        dataSource = dataSource();
        jdbc = JdbcClient.create(dataSource);
        datasets = new Datasets(jdbc);
        identities = new DatasetIdentities(jdbc);
        configure(WithdrawalProperties.defaults());
    }

    // --- withdrawal grace ---

    @Test
    void keepsADatasetMissingFromOneCompleteRunAndWithdrawsItAtTheSecond() {
        var ids = harvest(catalogue(10)).ids();
        var shorter = catalogue(10);
        shorter.remove(key(3));

        var first = harvest(shorter);

        assertThat(first.withdrawal()).isEqualTo(new WithdrawalOutcome(1, 0, 0, null));
        assertThat(status(ids.get(key(3)))).isEqualTo(PublicationStatus.PUBLISHED);

        var second = harvest(shorter);

        assertThat(second.withdrawal()).isEqualTo(new WithdrawalOutcome(1, 1, 0, null));
        assertThat(status(ids.get(key(3)))).isEqualTo(PublicationStatus.WITHDRAWN);
        assertThat(status(ids.get(key(4)))).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(datasets.count()).isEqualTo(10);
    }

    @Test
    void startsTheGraceAgainForADatasetTheSourceListedInBetween() {
        var ids = harvest(catalogue(10)).ids();
        var shorter = catalogue(10);
        shorter.remove(key(3));

        harvest(shorter);
        harvest(catalogue(10));
        var third = harvest(shorter);

        assertThat(third.withdrawal().withdrawn()).isZero();
        assertThat(status(ids.get(key(3)))).isEqualTo(PublicationStatus.PUBLISHED);
    }

    @Test
    void waitsTheGraceDaysAsWellAsTheGraceRuns() {
        configure(new WithdrawalProperties(1, 3, 0.2, 2));
        var ids = harvest(catalogue(10)).ids();
        var shorter = catalogue(10);
        shorter.remove(key(3));

        harvest(shorter);
        clock.advance(Duration.ofDays(2));
        var twoDaysLater = harvest(shorter);
        clock.advance(Duration.ofDays(1));
        var threeDaysLater = harvest(shorter);

        assertThat(twoDaysLater.withdrawal().withdrawn()).isZero();
        assertThat(threeDaysLater.withdrawal().withdrawn()).isEqualTo(1);
        assertThat(status(ids.get(key(3)))).isEqualTo(PublicationStatus.WITHDRAWN);
    }

    @Test
    void givesBackTheStatusADatasetHadWhenItsSourceListsItAgain() {
        var draft = new Governance(Owner.NONE, AccessLevel.RESTRICTED, PersonalData.NONE, PublicationStatus.DRAFT);
        var records = catalogue(10);
        var ids = new HashMap<String, String>();
        records.forEach((key, record) ->
                ids.put(key, ingestion.ingest(run(), record, draft).datasetId()));
        ingestion.completeRun(SOURCE, "run-0", records.keySet());
        var shorter = catalogue(10);
        shorter.remove(key(3));
        harvest(shorter);
        harvest(shorter);
        assertThat(status(ids.get(key(3)))).isEqualTo(PublicationStatus.WITHDRAWN);

        var back = harvest(catalogue(10));

        assertThat(back.outcomes().get(key(3)).kind()).isEqualTo(IngestOutcome.Kind.UPDATED);
        assertThat(status(ids.get(key(3)))).isEqualTo(PublicationStatus.DRAFT);
        assertThat(datasets.find(ids.get(key(3)))
                        .orElseThrow()
                        .dataset()
                        .governance()
                        .accessLevel())
                .isEqualTo(AccessLevel.RESTRICTED);
        var missingAgain = harvest(shorter);
        assertThat(missingAgain.withdrawal().withdrawn())
                .as("its missed runs start from zero again")
                .isZero();
    }

    @Test
    void keepsAWithdrawalAPersonDecidedWhenTheSourceStillListsTheDataset() {
        var ids = harvest(catalogue(3)).ids();
        var registration = new DatasetRegistration(datasets, transactions(), e -> {}, clock);
        var dataset = datasets.find(ids.get(key(1))).orElseThrow().dataset();
        registration.withdraw(dataset.id(), dataset.version(), "cdo");

        var again = harvest(catalogue(3));

        assertThat(again.outcomes().get(key(1)).kind()).isEqualTo(IngestOutcome.Kind.UNCHANGED);
        assertThat(status(ids.get(key(1)))).isEqualTo(PublicationStatus.WITHDRAWN);
    }

    // --- share of a source ---

    @Test
    void withdrawsNothingAndAsksWhenASourceSuddenlyListsHalfItsDatasets() {
        var ids = harvest(catalogue(10)).ids();
        var pageOneOnly = catalogue(5);

        var run = harvest(pageOneOnly);
        var next = harvest(pageOneOnly);

        for (var outcome : List.of(run.withdrawal(), next.withdrawal())) {
            assertThat(outcome.withdrawn()).isZero();
            assertThat(outcome.held()).isEqualTo(5);
            assertThat(outcome.needsConfirmation()).isTrue();
            assertThat(outcome.reason())
                    .contains("confirmation nécessaire")
                    .contains("5 de ses 10 jeux de données (50 %)")
                    .contains("comptoir.harvest.withdrawal.max-share");
        }
        assertThat(ids.values()).allSatisfy(id -> assertThat(status(id)).isEqualTo(PublicationStatus.PUBLISHED));
        var hold = withdrawals.hold(run.runId()).orElseThrow();
        assertThat(hold.status()).isEqualTo(WithdrawalHold.Status.PENDING);
        assertThat(hold.sourceDatasets()).isEqualTo(10);
        assertThat(hold.datasets())
                .extracting(WithdrawalHold.HeldDataset::sourceKey)
                .containsExactlyInAnyOrder(key(5), key(6), key(7), key(8), key(9));
        assertThat(hold.datasets())
                .extracting(WithdrawalHold.HeldDataset::title)
                .contains("Jeu 5");
    }

    @Test
    void withdrawsTheHeldDatasetsStillMissingWhenAPersonConfirmsAndSparesThoseBack() {
        var ids = harvest(catalogue(10)).ids();
        var held = harvest(catalogue(5));
        var sixBack = catalogue(7);
        sixBack.remove(key(5));
        harvest(sixBack); // 5, 7, 8, 9 missing: held again; 6 is back

        var confirmed = withdrawals.confirm(held.runId(), "cdo");

        assertThat(confirmed.status()).isEqualTo(WithdrawalHold.Status.CONFIRMED);
        assertThat(confirmed.decidedBy()).isEqualTo("cdo");
        assertThat(confirmed.decidedAt()).isEqualTo(clock.instant());
        assertThat(confirmed.withdrawn()).isEqualTo(4);
        assertThat(confirmed.spared()).isEqualTo(1);
        for (int i : new int[] {5, 7, 8, 9}) {
            assertThat(status(ids.get(key(i)))).as(key(i)).isEqualTo(PublicationStatus.WITHDRAWN);
        }
        assertThat(status(ids.get(key(6)))).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(status(ids.get(key(0)))).isEqualTo(PublicationStatus.PUBLISHED);
        assertThatThrownBy(() -> withdrawals.confirm(held.runId(), "admin"))
                .isInstanceOf(WithdrawalAlreadyDecidedException.class)
                .hasMessageContaining("déjà été confirmé par cdo");
    }

    @Test
    void leavesTheDatasetsInPlaceWhenAPersonDismissesTheHold() {
        var ids = harvest(catalogue(10)).ids();
        var held = harvest(catalogue(5));

        var dismissed = withdrawals.dismiss(held.runId(), "cdo");

        assertThat(dismissed.status()).isEqualTo(WithdrawalHold.Status.DISMISSED);
        assertThat(ids.values()).allSatisfy(id -> assertThat(status(id)).isEqualTo(PublicationStatus.PUBLISHED));
        assertThatThrownBy(() -> withdrawals.confirm(held.runId(), "cdo"))
                .isInstanceOf(WithdrawalAlreadyDecidedException.class)
                .hasMessageContaining("écarté");
        assertThatThrownBy(() -> withdrawals.confirm("no-such-run", "cdo"))
                .isInstanceOf(WithdrawalHoldNotFoundException.class)
                .hasMessageContaining("pas de retrait en attente");
    }

    @Test
    void holdsARunThatListsNoneOfItsSourceDatasets() {
        harvest(catalogue(1));

        var empty = harvest(new LinkedHashMap<>());

        assertThat(empty.withdrawal().held()).isEqualTo(1);
        assertThat(empty.withdrawal().reason()).contains("1 de ses 1 jeux de données (100 %)");
    }

    // --- stable identity ---

    @Test
    void reconcilesASourceRepublishedWithNewSlugsInsteadOfDuplicatingIt() {
        var ids = harvest(catalogue(6)).ids();
        var republished = new LinkedHashMap<String, HarvestedRecord>();
        for (int i = 0; i < 6; i++) {
            var slug = HUB + "datasets/jeu-" + i + "-nouveau-slug";
            republished.put(slug, dataset(slug, "Jeu " + i, landing(i), download(i)));
        }

        var run = harvest(republished);

        assertThat(run.outcomes().values()).extracting(IngestOutcome::kind).containsOnly(IngestOutcome.Kind.RECONCILED);
        assertThat(run.withdrawal()).isEqualTo(new WithdrawalOutcome(0, 0, 0, null));
        assertThat(datasets.count()).isEqualTo(6);
        for (int i = 0; i < 6; i++) {
            var slug = HUB + "datasets/jeu-" + i + "-nouveau-slug";
            var stored = datasets.findBySourceKey(SOURCE, slug).orElseThrow();
            assertThat(stored.dataset().id()).isEqualTo(ids.get(key(i)));
            assertThat(LocalIris.dataset(stored.dataset().id()).getURI())
                    .isEqualTo(LocalIris.dataset(ids.get(key(i))).getURI());
            assertThat(stored.dataset().governance().status()).isEqualTo(PublicationStatus.PUBLISHED);
            assertThat(run.outcomes().get(slug).previousSourceKey()).isEqualTo(key(i));
            assertThat(datasets.findBySourceKey(SOURCE, key(i))).isEmpty();
        }
        assertThat(identities.ofRun(run.runId()))
                .extracting(IdentityDecision::kind, IdentityDecision::previousKey, IdentityDecision::sourceKey)
                .contains(tuple(IdentityDecision.Kind.RECONCILED, key(0), HUB + "datasets/jeu-0-nouveau-slug"))
                .hasSize(6);
        var after = harvest(republished);
        assertThat(after.outcomes().values())
                .extracting(IngestOutcome::kind)
                .containsOnly(IngestOutcome.Kind.UNCHANGED);
        assertThat(after.withdrawal().missing()).isZero();
    }

    @Test
    void reconcilesByADownloadUrlOrAnAdmsIdentifierWhenTheLandingPageChangedToo() {
        var byFile = HUB + "datasets/a";
        var byIdentifier = HUB + "datasets/b";
        var original = new LinkedHashMap<String, HarvestedRecord>();
        original.put(byFile, dataset(byFile, "Arbres", HUB + "a", "https://services.ville.example/arbres.csv"));
        original.put(byIdentifier, record(byIdentifier, """
                <%s> a dcat:Dataset ; dct:title "Bornes"@fr ; dct:description "Bornes."@fr ;
                    adms:identifier [ a adms:Identifier ; skos:notation "DGFIP-2024-017" ] .
                """));
        var ids = harvest(original).ids();
        var renamed = new LinkedHashMap<String, HarvestedRecord>();
        renamed.put(
                byFile + "-2",
                dataset(byFile + "-2", "Arbres", HUB + "a-2", "HTTPS://Services.Ville.example/arbres.csv#telecharger"));
        renamed.put(byIdentifier + "-2", record(byIdentifier + "-2", """
                <%s> a dcat:Dataset ; dct:title "Bornes"@fr ; dct:description "Bornes."@fr ;
                    adms:identifier [ a adms:Identifier ; skos:notation "DGFIP-2024-017" ] .
                """));

        var run = harvest(renamed);

        assertThat(run.outcomes().get(byFile + "-2").datasetId()).isEqualTo(ids.get(byFile));
        assertThat(run.outcomes().get(byIdentifier + "-2").datasetId()).isEqualTo(ids.get(byIdentifier));
        assertThat(run.withdrawal().missing()).isZero();
        assertThat(datasets.count()).isEqualTo(2);
    }

    @Test
    void doesNotMergeDatasetsThatShareADistributionUrl() {
        var wms = "https://geo.ville.example/wms?SERVICE=WMS";
        var records = new LinkedHashMap<String, HarvestedRecord>();
        records.put(key(1), dataset(key(1), "Cadastre", landing(1), wms));
        records.put(key(2), dataset(key(2), "Voirie", landing(2), wms));
        var ids = harvest(records).ids();
        var next = new LinkedHashMap<>(records);
        next.put(key(3), dataset(key(3), "Éclairage public", landing(3), wms));

        var run = harvest(next);

        assertThat(run.outcomes().get(key(3)).kind()).isEqualTo(IngestOutcome.Kind.ADDED);
        assertThat(run.outcomes().get(key(3)).datasetId()).isNotIn(ids.values());
        assertThat(run.outcomes().get(key(1)).kind()).isEqualTo(IngestOutcome.Kind.UNCHANGED);
        assertThat(run.outcomes().get(key(2)).kind()).isEqualTo(IngestOutcome.Kind.UNCHANGED);
        assertThat(title(ids.get(key(1)))).isEqualTo("Cadastre");
        assertThat(title(ids.get(key(2)))).isEqualTo("Voirie");
        assertThat(datasets.count()).isEqualTo(3);
    }

    @Test
    void addsAndReportsARecordWhoseKeysNameTwoDatasets() {
        var records = new LinkedHashMap<String, HarvestedRecord>();
        records.put(key(1), dataset(key(1), "Cadastre", landing(1), download(1)));
        records.put(key(2), dataset(key(2), "Voirie", landing(2), download(2)));
        var ids = harvest(records).ids();
        var merged = HUB + "datasets/cadastre-et-voirie";
        var next = new LinkedHashMap<String, HarvestedRecord>();
        next.put(merged, dataset(merged, "Cadastre et voirie", landing(1), download(2)));

        var run = harvest(next);

        assertThat(run.outcomes().get(merged).kind()).isEqualTo(IngestOutcome.Kind.ADDED);
        assertThat(identities.ofRun(run.runId())).singleElement().satisfies(decision -> {
            assertThat(decision.kind()).isEqualTo(IdentityDecision.Kind.AMBIGUOUS);
            assertThat(decision.sourceKey()).isEqualTo(merged);
            assertThat(decision.datasetId())
                    .isEqualTo(run.outcomes().get(merged).datasetId());
            assertThat(decision.candidates()).containsExactlyInAnyOrder(ids.get(key(1)), ids.get(key(2)));
        });
        assertThat(title(ids.get(key(1)))).isEqualTo("Cadastre");
    }

    @Test
    void doesNotRenameADatasetTheRunAlreadyListedUnderItsOwnKey() {
        var ids = harvest(catalogue(3)).ids();
        var mirror = HUB + "datasets/copie-du-jeu-1";
        var next = catalogue(3);
        next.put(mirror, dataset(mirror, "Copie du jeu 1", landing(1), download(1)));

        var run = harvest(next);

        assertThat(run.outcomes().get(mirror).kind()).isEqualTo(IngestOutcome.Kind.ADDED);
        assertThat(datasets.findBySourceKey(SOURCE, key(1))
                        .orElseThrow()
                        .dataset()
                        .id())
                .isEqualTo(ids.get(key(1)));
    }

    @Test
    void reportsARecordThatComesAfterANewOneTookItsDatasetsIdentity() {
        var records = new LinkedHashMap<String, HarvestedRecord>();
        records.put(key(1), dataset(key(1), "Cadastre", landing(1), download(1)));
        var ids = harvest(records).ids();
        var newcomer = HUB + "datasets/cadastre-2026";
        var next = new LinkedHashMap<String, HarvestedRecord>();
        next.put(newcomer, dataset(newcomer, "Cadastre 2026", landing(9), download(1)));
        next.put(key(1), dataset(key(1), "Cadastre", landing(1), download(1)));

        var run = harvest(next);

        assertThat(run.outcomes().get(newcomer).kind()).isEqualTo(IngestOutcome.Kind.RECONCILED);
        assertThat(run.outcomes().get(key(1)).kind()).isEqualTo(IngestOutcome.Kind.ADDED);
        assertThat(identities.ofRun(run.runId()))
                .extracting(IdentityDecision::kind, IdentityDecision::sourceKey, IdentityDecision::candidates)
                .containsExactly(
                        tuple(IdentityDecision.Kind.RECONCILED, newcomer, List.of()),
                        tuple(IdentityDecision.Kind.AMBIGUOUS, key(1), List.of(ids.get(key(1)))));
    }

    @Test
    void findsDatasetsTakenInBeforeIdentityKeysWereKeptOnceTheyGotTheirsAtStartUp() {
        var ids = harvest(catalogue(3)).ids();
        jdbc.sql("DELETE FROM dataset_identity").update();

        assertThat(new DatasetIdentityKeys(datasets, identities, transactions()).backfill())
                .isEqualTo(3);
        assertThat(new DatasetIdentityKeys(datasets, identities, transactions()).backfill())
                .as("every dataset has its keys now")
                .isZero();
        var renamed = new LinkedHashMap<String, HarvestedRecord>();
        for (int i = 0; i < 3; i++) {
            renamed.put(key(i) + "-v2", dataset(key(i) + "-v2", "Jeu " + i, landing(i), download(i)));
        }

        var run = harvest(renamed);

        assertThat(run.outcomes().get(key(2) + "-v2").datasetId()).isEqualTo(ids.get(key(2)));
        assertThat(datasets.count()).isEqualTo(3);
    }

    // --- what a run writes ---

    @Test
    void writesNothingForAnUnchangedReharvest() {
        var ids = harvest(catalogue(12)).ids();
        var before = rows();
        var provenanceBefore = jdbc.sql("SELECT dataset_id, received_at FROM dataset_provenance ORDER BY dataset_id")
                .query((rs, n) -> rs.getString(1) + "@" + rs.getTimestamp(2))
                .list();
        published.clear();
        clock.advance(Duration.ofHours(1));

        var again = harvest(catalogue(12));

        assertThat(again.outcomes().values())
                .extracting(IngestOutcome::kind)
                .containsOnly(IngestOutcome.Kind.UNCHANGED);
        assertThat(again.ids()).isEqualTo(ids);
        assertThat(rows()).as("versions and update times").isEqualTo(before);
        assertThat(jdbc.sql("SELECT dataset_id, received_at FROM dataset_provenance ORDER BY dataset_id")
                        .query((rs, n) -> rs.getString(1) + "@" + rs.getTimestamp(2))
                        .list())
                .as("the raw payloads are not written again")
                .isEqualTo(provenanceBefore);
        assertThat(published)
                .as("no change event, so nothing for the search outbox")
                .isEmpty();
    }

    @Test
    void storesTheOtherRecordsOfARunAndReportsTheInvalidOneWithItsKey() {
        var records = catalogue(9);
        var invalid = HUB + "datasets/sans-titre";
        records.put(invalid, record(invalid, "<%s> a dcat:Dataset ; dct:description \"Pas de titre.\"@fr ."));
        var tail = new LinkedHashMap<String, HarvestedRecord>();
        tail.put(key(20), dataset(key(20), "Jeu 20", landing(20), download(20)));
        records.putAll(tail);

        var run = harvest(records);

        assertThat(run.outcomes().get(invalid).kind()).isEqualTo(IngestOutcome.Kind.FAILED);
        assertThat(run.outcomes().get(invalid).problems())
                .extracting(org.comptoir.catalog.dataset.FieldProblem::field)
                .contains("title");
        assertThat(run.outcomes().entrySet())
                .filteredOn(e -> !e.getKey().equals(invalid))
                .extracting(e -> e.getValue().kind())
                .containsOnly(IngestOutcome.Kind.ADDED);
        assertThat(datasets.count()).isEqualTo(10);
        assertThat(datasets.findBySourceKey(SOURCE, invalid)).isEmpty();
        assertThat(published).hasSize(10);
    }

    @Test
    void updatesAChangedRecordBesideUnchangedOnesAndKeepsItsIdentity() {
        var ids = harvest(catalogue(7)).ids();
        var changed = catalogue(7);
        changed.put(key(4), dataset(key(4), "Jeu 4, corrigé", landing(4), download(4)));
        published.clear();

        var run = harvest(changed);

        assertThat(run.outcomes().get(key(4)).kind()).isEqualTo(IngestOutcome.Kind.UPDATED);
        assertThat(run.outcomes().get(key(4)).datasetId()).isEqualTo(ids.get(key(4)));
        assertThat(run.outcomes().entrySet())
                .filteredOn(e -> !e.getKey().equals(key(4)))
                .extracting(e -> e.getValue().kind())
                .containsOnly(IngestOutcome.Kind.UNCHANGED);
        assertThat(title(ids.get(key(4)))).isEqualTo("Jeu 4, corrigé");
        assertThat(datasets.find(ids.get(key(4))).orElseThrow().dataset().version())
                .isEqualTo(2);
        assertThat(datasets.provenance(ids.get(key(4))))
                .hasValueSatisfying(raw -> assertThat(raw).contains("corrigé"));
        assertThat(published).hasSize(1);
    }

    @Test
    void skipsAnUnchangedReceivedRecordOnItsFingerprintWithoutMappingIt() {
        var ids = harvest(received(catalogue(6), "v1", () -> {})).ids();
        var before = rows();
        published.clear();

        var again = harvest(received(catalogue(6), "v1", () -> {
            throw new AssertionError("an unchanged record is not mapped");
        }));

        assertThat(again.outcomes().values())
                .extracting(IngestOutcome::kind)
                .containsOnly(IngestOutcome.Kind.UNCHANGED);
        assertThat(again.ids()).isEqualTo(ids);
        assertThat(rows()).isEqualTo(before);
        assertThat(published).isEmpty();
    }

    @Test
    void hashesEachReceivedRecordOnceAndFailsAloneTheOneWhoseStatementsCannotBeRead() {
        var broken = key(3);
        var hashed = new java.util.concurrent.ConcurrentHashMap<String, Integer>();
        var records = new ArrayList<HarvestedRecord>();
        catalogue(5)
                .forEach((key, record) -> records.add(HarvestedRecord.received(
                        key,
                        () -> {
                            hashed.merge(key, 1, Integer::sum);
                            if (key.equals(broken)) {
                                throw new IllegalStateException("bloc illisible");
                            }
                            return record.rawPayload();
                        },
                        "v1",
                        () -> record)));

        var results = new LinkedHashMap<String, IngestResult>();
        if (batchSize() > 0) {
            ingestion.ingestAll(run(), records, openGovernance()).forEach(r -> results.put(r.sourceKey(), r));
        } else {
            for (var record : records) {
                try {
                    results.put(
                            record.sourceKey(),
                            new IngestResult(
                                    record.sourceKey(), ingestion.ingest(run(), record, openGovernance()), null));
                } catch (RuntimeException e) {
                    results.put(record.sourceKey(), new IngestResult(record.sourceKey(), null, e));
                }
            }
        }

        assertThat(results.get(broken).failure()).hasMessageContaining("bloc illisible");
        assertThat(results.entrySet())
                .filteredOn(e -> !e.getKey().equals(broken))
                .extracting(e -> e.getValue().outcome().kind())
                .hasSize(4)
                .containsOnly(IngestOutcome.Kind.ADDED);
        assertThat(hashed)
                .as("each hash taken once")
                .containsAllEntriesOf(Map.of(key(0), 1, key(1), 1, key(2), 1, key(4), 1));
    }

    @Test
    void mapsEveryReceivedRecordAgainWhenTheMappingChanges() {
        harvest(received(catalogue(4), "v1", () -> {}));
        var mapped = new java.util.concurrent.atomic.AtomicInteger();

        var again = harvest(received(catalogue(4), "v2", mapped::incrementAndGet));

        assertThat(mapped).hasValue(4);
        assertThat(again.outcomes().values()).extracting(IngestOutcome::kind).containsOnly(IngestOutcome.Kind.UPDATED);
    }

    @Test
    void mapsAReceivedRecordWhoseStatementsChanged() {
        var ids = harvest(received(catalogue(5), "v1", () -> {})).ids();
        var changed = catalogue(5);
        changed.put(key(2), dataset(key(2), "Jeu 2, corrigé", landing(2), download(2)));

        var run = harvest(received(changed, "v1", () -> {}));

        assertThat(run.outcomes().get(key(2)).kind()).isEqualTo(IngestOutcome.Kind.UPDATED);
        assertThat(title(ids.get(key(2)))).isEqualTo("Jeu 2, corrigé");
        assertThat(run.outcomes().entrySet())
                .filteredOn(e -> !e.getKey().equals(key(2)))
                .extracting(e -> e.getValue().kind())
                .containsOnly(IngestOutcome.Kind.UNCHANGED);
    }

    @Test
    void reportsAReceivedRecordThatCannotBeMappedAndTakesInTheOthers() {
        var records = new ArrayList<>(received(catalogue(3), "v1", () -> {}).values());
        var broken = key(9);
        records.add(1, HarvestedRecord.received(broken, () -> "illisible", "v1", () -> {
            throw new IllegalArgumentException("description illisible");
        }));
        var scope = new IngestRun(SOURCE, "run-1", key -> false);

        var results = batchSize() > 0
                ? ingestion.ingestAll(scope, records, openGovernance())
                : records.stream()
                        .map(record -> {
                            try {
                                return new IngestResult(
                                        record.sourceKey(), ingestion.ingest(scope, record, openGovernance()), null);
                            } catch (RuntimeException e) {
                                return new IngestResult(record.sourceKey(), null, e);
                            }
                        })
                        .toList();

        assertThat(results.get(1).sourceKey()).isEqualTo(broken);
        assertThat(results.get(1).failure()).hasMessage("description illisible");
        assertThat(results)
                .filteredOn(result -> !result.sourceKey().equals(broken))
                .extracting(result -> result.outcome().kind())
                .containsOnly(IngestOutcome.Kind.ADDED);
        assertThat(datasets.count()).isEqualTo(3);
    }

    // --- helpers ---

    /** Every dataset's id, version and update time. */
    private List<String> rows() {
        return jdbc.sql("SELECT id, version, updated_at FROM dataset ORDER BY id")
                .query((rs, n) -> rs.getString(1) + "/" + rs.getLong(2) + "/" + rs.getTimestamp(3))
                .list();
    }

    private void configure(WithdrawalProperties properties) {
        withdrawals = new HarvestWithdrawals(datasets, jdbc, transactions(), e -> {}, clock, properties);
        ingestion = new CatalogIngestion(datasets, identities, withdrawals, transactions(), published::add, clock);
    }

    private TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** One complete run over these records, as a run session drives it. */
    private Harvest harvest(Map<String, HarvestedRecord> records) {
        var runId = "run-" + ++runs;
        var seen = new HashSet<String>();
        var outcomes = new LinkedHashMap<String, IngestOutcome>();
        var scope = new IngestRun(SOURCE, runId, seen::contains);
        if (batchSize() > 0) {
            var all = List.copyOf(records.values());
            for (int from = 0; from < all.size(); from += batchSize()) {
                var batch = all.subList(from, Math.min(all.size(), from + batchSize()));
                for (var result : ingestion.ingestAll(scope, batch, openGovernance())) {
                    if (result.failure() != null) {
                        throw result.failure();
                    }
                    outcomes.put(result.sourceKey(), result.outcome());
                }
                batch.forEach(record -> seen.add(record.sourceKey()));
            }
        } else {
            records.forEach((key, record) -> {
                seen.add(key);
                outcomes.put(key, ingestion.ingest(scope, record, openGovernance()));
            });
        }
        return new Harvest(runId, outcomes, ingestion.completeRun(SOURCE, runId, Set.copyOf(seen)));
    }

    private record Harvest(String runId, Map<String, IngestOutcome> outcomes, WithdrawalOutcome withdrawal) {
        Map<String, String> ids() {
            var ids = new LinkedHashMap<String, String>();
            outcomes.forEach((key, outcome) -> ids.put(key, outcome.datasetId()));
            return ids;
        }
    }

    private IngestRun run() {
        return new IngestRun(SOURCE, "run-0", key -> false);
    }

    private PublicationStatus status(String id) {
        return datasets.find(id).orElseThrow().dataset().governance().status();
    }

    private String title(String id) {
        return datasets.find(id).orElseThrow().dataset().description().title().best("fr");
    }

    private static String key(int i) {
        return HUB + "datasets/jeu-" + i;
    }

    private static String landing(int i) {
        return "https://www.ville.example/donnees/jeu-" + i + "/";
    }

    private static String download(int i) {
        return "https://files.ville.example/jeu-" + i + ".csv";
    }

    /** A catalogue of {@code size} datasets, each with its landing page and a CSV file. */
    private static Map<String, HarvestedRecord> catalogue(int size) {
        var records = new LinkedHashMap<String, HarvestedRecord>();
        IntStream.range(0, size)
                .forEach(i -> records.put(key(i), dataset(key(i), "Jeu " + i, landing(i), download(i))));
        return records;
    }

    private static HarvestedRecord dataset(String key, String title, String landing, String... urls) {
        var distributions = new ArrayList<String>();
        for (var url : urls) {
            distributions.add("dcat:distribution [ a dcat:Distribution ; dcat:accessURL <" + url + "> ]");
        }
        return record(
                key,
                "<%s> a dcat:Dataset ; dct:title \"" + title + "\"@fr ; dct:description \"Description de "
                        + title + ".\"@fr ; dcat:landingPage <" + landing + "> ; "
                        + String.join(" ; ", distributions) + " .");
    }

    private static HarvestedRecord record(String iri, String turtle) {
        var model = ModelFactory.createDefaultModel();
        var text = """
                @prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
                @prefix adms: <http://www.w3.org/ns/adms#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
                """ + turtle.formatted(iri);
        RDFParser.fromString(text, Lang.TURTLE).parse(model);
        return new HarvestedRecord(iri, model, model.createResource(iri), text, "text/turtle");
    }

    /** The same records as received ones, fingerprinted on their text, mapped by {@code mapping} version. */
    private static Map<String, HarvestedRecord> received(
            Map<String, HarvestedRecord> records, String mappingVersion, Runnable onMapping) {
        var result = new LinkedHashMap<String, HarvestedRecord>();
        records.forEach((key, record) ->
                result.put(key, HarvestedRecord.received(key, record::rawPayload, mappingVersion, () -> {
                    onMapping.run();
                    return record;
                })));
        return result;
    }

    /** A clock the tests move forward, to let days of grace pass. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
