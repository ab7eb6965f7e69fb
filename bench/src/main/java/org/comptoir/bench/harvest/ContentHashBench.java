package org.comptoir.bench.harvest;

import java.util.concurrent.TimeUnit;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.comptoir.bench.search.SyntheticCatalogue;
import org.comptoir.catalog.rdf.DatasetGraphs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What an unchanged record of a harvest costs the catalogue beyond its parse: the content hash of
 * its statements (DatasetGraphs#contentHash, taken on the block the cut gave), and the N-Triples
 * the catalogue writes of a description. On the harvest bench's own datasets (about 62 triples,
 * French texts, a contact point and distributions).
 *
 * <p>Run: {@code ./mvnw -q -P hash-bench -pl bench -am package -DskipTests}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class ContentHashBench {
    private static final int DATASETS = 1_000;

    private final Model[] blocks = new Model[DATASETS];
    private final Resource[] datasets = new Resource[DATASETS];
    private int next;

    @Setup
    public void setUp() {
        var catalogue = new SyntheticCatalogue();
        for (int n = 0; n < DATASETS; n++) {
            var dataset = catalogue.dataset(n);
            var block = ModelFactory.createModelSameTerm();
            SourceFiles.triples(dataset, n).forEach(block.getGraph()::add);
            blocks[n] = block;
            datasets[n] = block.createResource(SourceFiles.BASE + "jeux/" + dataset.id());
        }
    }

    /** The hash of one dataset's block, as an unchanged record's fingerprint is taken. */
    @Benchmark
    public String contentHash() {
        int n = next++ % DATASETS;
        return DatasetGraphs.contentHash(blocks[n], datasets[n]);
    }

    /** One dataset's statements in N-Triples, as the catalogue stores a description. */
    @Benchmark
    public String toNTriples() {
        return DatasetGraphs.toNTriples(blocks[next++ % DATASETS]);
    }
}
