package org.comptoir.catalog.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.comptoir.catalog.search.CatalogSearchContract;
import org.comptoir.catalog.search.SearchEngine;
import org.comptoir.catalog.search.SearchException;
import org.comptoir.catalog.search.Viewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search contract on the embedded Lucene engine, plus what only an index on disk does. */
class LuceneSearchEngineTests extends CatalogSearchContract {
    @TempDir
    Path folder;

    @Override
    protected SearchEngine engine() {
        return new LuceneSearchEngine(folder.resolve("index"));
    }

    @Override
    protected SearchEngine reopen(SearchEngine engine) {
        engine.close();
        return new LuceneSearchEngine(folder.resolve("index"));
    }

    @Test
    void forgetsAWriteThatWasNeverCommittedButKeepsTheAppliedChange() {
        var index = folder.resolve("other");
        try (var engine = new LuceneSearchEngine(index)) {
            engine.upsert(List.of(open("arbres", "Arbres d'alignement", "Essences.", "arbre")));
            engine.commit(5);
            engine.upsert(List.of(open("parcs", "Parcs et jardins", "Liste des parcs.", "parc")));
        }

        try (var reopened = new LuceneSearchEngine(index)) {
            assertThat(reopened.appliedChange()).isEqualTo(5);
            assertThat(reopened.indexedVersions()).containsOnlyKeys("arbres");
            assertThat(ids(reopened.search(org.comptoir.catalog.search.SearchQuery.of("parcs", Viewer.PUBLIC, 0, 10))))
                    .isEmpty();
        }
    }

    @Test
    void keepsAnsweringFromTheFormerIndexUntilARebuildCommits() throws Exception {
        var index = folder.resolve("rebuilt");
        try (var engine = new LuceneSearchEngine(index)) {
            engine.upsert(List.of(
                    withVersion(open("arbres", "Arbres d'alignement", "Essences.", "arbre"), 3),
                    open("parcs", "Parcs et jardins", "Liste des parcs.", "parc")));
            engine.commit(1);

            engine.clear();
            // the store was restored from a backup: its version is older than the one indexed
            engine.upsert(List.of(withVersion(open("arbres", "Arbres d'alignement", "Essences.", "arbre"), 2)));
            Thread.sleep(2 * LuceneSearchEngine.REFRESH_INTERVAL_MS);

            assertThat(ids(engine.search(org.comptoir.catalog.search.SearchQuery.of("", Viewer.PUBLIC, 0, 10))))
                    .as("a search during the rebuild finds what it found before, not a half-built index")
                    .containsExactlyInAnyOrder("arbres", "parcs");

            engine.commit(2);

            assertThat(ids(engine.search(org.comptoir.catalog.search.SearchQuery.of("", Viewer.PUBLIC, 0, 10))))
                    .containsExactly("arbres");
            assertThat(engine.indexedVersions()).containsExactly(java.util.Map.entry("arbres", 2L));
        }
    }

    @Test
    void refusesToOpenAnIndexAnotherEngineHolds() {
        var index = folder.resolve("held");
        try (var engine = new LuceneSearchEngine(index)) {
            assertThatThrownBy(() -> new LuceneSearchEngine(index))
                    .isInstanceOf(SearchException.class)
                    .hasMessageContaining("ne peut pas être ouvert");
            assertThat(engine.appliedChange()).isZero();
        }
    }
}
