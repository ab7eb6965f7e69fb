package org.comptoir.catalog.search;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A dataset as the search index holds it: its texts, and for each dimension the values it has with
 * their labels. Derived from the stored dataset ({@link SearchDocuments}); never the truth.
 *
 * @param texts the text fields a query searches, by field name ({@link SearchFields#TITLE} and the
 *     others), each with its values: a title in each language the dataset gives, each keyword, each
 *     theme label...
 * @param facets per dimension, the dataset's values; a dataset may have none or several
 * @param modified the day the dataset last changed (as its description says, else when the
 *     catalogue last changed it)
 * @param bbox its spatial coverage's bounding box, or null
 * @param open whether the public may see it ({@link org.comptoir.catalog.dataset.Governance#isOpen()})
 * @param withdrawn withdrawn datasets are found only by a filter on that status
 * @param grants the sharing agreements that let a partner see it although it is not open
 * @param titleSort the title as sorted on: French when there is one, folded
 */
public record SearchDocument(
        String id,
        long version,
        Map<String, List<String>> texts,
        Map<Facet, List<FacetTerm>> facets,
        LocalDate modified,
        BoundingBox bbox,
        boolean open,
        boolean withdrawn,
        Set<String> grants,
        String titleSort) {
    public SearchDocument {
        var copy = new HashMap<String, List<String>>();
        texts.forEach((field, values) -> copy.put(field, List.copyOf(values)));
        texts = Map.copyOf(copy);
        var facetCopy = new HashMap<Facet, List<FacetTerm>>();
        facets.forEach((facet, terms) -> facetCopy.put(facet, List.copyOf(terms)));
        facets = Map.copyOf(facetCopy);
        grants = grants == null ? Set.of() : Set.copyOf(grants);
    }

    /** The values of a text field, empty when the dataset has none. */
    public List<String> text(String field) {
        return texts.getOrDefault(field, List.of());
    }

    /** The values of a dimension, empty when the dataset has none. */
    public List<FacetTerm> facet(Facet facet) {
        return facets.getOrDefault(facet, List.of());
    }

    /**
     * A value of a dimension with its labels.
     *
     * @param value what a filter takes
     * @param labelFr its French label
     * @param labelEn its English label, the French one when there is none
     */
    public record FacetTerm(String value, String labelFr, String labelEn) {
        public String label(String language) {
            return "en".equals(language) ? labelEn : labelFr;
        }
    }
}
