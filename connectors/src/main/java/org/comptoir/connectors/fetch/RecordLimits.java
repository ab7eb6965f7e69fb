package org.comptoir.connectors.fetch;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.comptoir.catalog.ingest.HarvestedRecord;

/**
 * The per-record limits ({@link LimitsProperties}): a dataset with more distributions, keywords or
 * statements than allowed, or a value longer than allowed, is refused alone with a reason, before
 * the catalogue validates, stores and indexes it; the other records of its page go on.
 */
public final class RecordLimits {
    private static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
            .setNsPrefixes(PrefixMapping.Extended)
            .setNsPrefix("dct", DCTerms.NS)
            .setNsPrefix("dcat", DCAT.NS)
            .lock();

    private final LimitsProperties limits;

    public RecordLimits(LimitsProperties limits) {
        this.limits = limits;
    }

    /**
     * A received record, checked when it is mapped: beyond the limits, its mapping fails with the
     * reason ({@link RecordRefusedException}). The limits are part of its fingerprint, so that a
     * record taken in under other limits is mapped and checked again.
     */
    public HarvestedRecord checkedWhenMapped(HarvestedRecord record) {
        var setting = "limits " + limits.maxTriplesPerRecord() + " " + limits.maxDistributions() + " "
                + limits.maxKeywords() + " " + limits.maxLiteralLength();
        return record.with(setting, mapped -> {
            var problem = problem(mapped);
            if (problem != null) {
                throw new RecordRefusedException(problem);
            }
        });
    }

    /** Why the record is refused, in French, or null when it is within the limits. */
    public String problem(HarvestedRecord record) {
        var description = record.description();
        long triples = description.size();
        if (triples > limits.maxTriplesPerRecord()) {
            return "la description compte " + triples + " triplets, plus que la limite de "
                    + limits.maxTriplesPerRecord() + " (comptoir.harvest.limits.max-triples-per-record) ; "
                    + "jeu de données non pris";
        }
        var distributions = count(record, DCAT.distribution, limits.maxDistributions());
        if (distributions > limits.maxDistributions()) {
            return "le jeu de données a plus de " + limits.maxDistributions()
                    + " distributions (limite comptoir.harvest.limits.max-distributions) ; jeu de données non pris";
        }
        var keywords = count(record, DCAT.keyword, limits.maxKeywords());
        if (keywords > limits.maxKeywords()) {
            return "le jeu de données a plus de " + limits.maxKeywords()
                    + " mots-clés (limite comptoir.harvest.limits.max-keywords) ; jeu de données non pris";
        }
        var statements = description.listStatements();
        try {
            while (statements.hasNext()) {
                var statement = statements.next();
                var object = statement.getObject();
                if (object.isLiteral() && object.asLiteral().getLexicalForm().length() > limits.maxLiteralLength()) {
                    return "la valeur de " + shortName(statement.getPredicate()) + " fait "
                            + object.asLiteral().getLexicalForm().length() + " caractères, plus que la limite de "
                            + limits.maxLiteralLength() + " (comptoir.harvest.limits.max-literal-length) ; "
                            + "jeu de données non pris";
                }
            }
        } finally {
            statements.close();
        }
        return null;
    }

    /** How many values the dataset has for {@code property}, counted up to {@code max + 1}. */
    private static int count(HarvestedRecord record, Property property, int max) {
        var values = record.description().listObjectsOfProperty(record.dataset(), property);
        try {
            int count = 0;
            while (values.hasNext() && count <= max) {
                values.next();
                count++;
            }
            return count;
        } finally {
            values.close();
        }
    }

    private static String shortName(Property property) {
        var shortened = PREFIXES.shortForm(property.getURI());
        return shortened.equals(property.getURI()) ? "<" + shortened + ">" : shortened;
    }
}
