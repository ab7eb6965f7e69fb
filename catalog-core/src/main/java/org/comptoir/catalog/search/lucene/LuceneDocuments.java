package org.comptoir.catalog.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.comptoir.catalog.search.Facet;
import org.comptoir.catalog.search.SearchDocument;
import org.comptoir.catalog.search.SearchFields;

/** How a {@link SearchDocument} is laid out in the Lucene index: field names and types. */
final class LuceneDocuments {
    static final String ID = "id";
    static final String VERSION = "version";
    /**
     * The identifier as binary doc values, for the tie-break of every sort: copying a competitive
     * hit's value reads it as it is, where sorted doc values would look its ordinal up in a
     * compressed terms dictionary.
     */
    static final String ID_SORT = "id_sort";

    static final String MODIFIED = "modified";
    static final String MODIFIED_SORT = "modified_sort";
    static final String TITLE_SORT = "title_sort";
    static final String WEST = "west";
    static final String SOUTH = "south";
    static final String EAST = "east";
    static final String NORTH = "north";
    static final String WITHDRAWN = "withdrawn";
    static final String VISIBLE_TO = "visible_to";
    static final String PUBLIC = "public";
    static final String GRANT = "grant:";
    static final String STORED = "stored_";
    static final String FILTER = "filter_";

    /** The facet dimension counting keywords, for completion only, in its own doc values field. */
    static final String KEYWORD_DIM = "keyword";

    static final String KEYWORD_FACET_FIELD = "$keywords";

    /** Separates a facet value from its labels in the facet module's path component. */
    static final char LABEL_SEPARATOR = '\u001f';

    private static final int MAX_SORT_LENGTH = 256;
    private static final FieldType TOKENS_WITHOUT_POSITIONS = tokensWithoutPositions();

    /** Indexes the application's token strings as they are: split on spaces, nothing else. */
    static final Analyzer TOKENS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new WhitespaceTokenizer());
        }

        @Override
        public int getPositionIncrementGap(String fieldName) {
            return SearchFields.POSITION_GAP;
        }
    };

    static final FacetsConfig FACETS = facetsConfig();

    private LuceneDocuments() {}

    static Document of(SearchDocument source) {
        var doc = new Document();
        doc.add(new StringField(ID, source.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ID, new BytesRef(source.id())));
        doc.add(new BinaryDocValuesField(ID_SORT, new BytesRef(source.id())));
        doc.add(new NumericDocValuesField(VERSION, source.version()));

        SearchFields.analysed(source).forEach((field, values) -> {
            for (var tokens : values) {
                doc.add(
                        SearchFields.ALL.equals(field)
                                ? new Field(field, tokens, TOKENS_WITHOUT_POSITIONS)
                                : new TextField(field, tokens, Field.Store.NO));
            }
        });
        // what a title suggestion shows; hits are highlighted from the store, not from the index
        source.text(SearchFields.TITLE).forEach(value -> doc.add(new StoredField(STORED + SearchFields.TITLE, value)));
        SearchFields.suggestWords(source)
                .forEach(
                        (field, words) -> words.forEach(word -> doc.add(new StringField(field, word, Field.Store.NO))));
        source.text(SearchFields.KEYWORDS).stream()
                .filter(keyword -> !keyword.isBlank())
                .distinct()
                .forEach(keyword -> doc.add(new SortedSetDocValuesFacetField(KEYWORD_DIM, clean(keyword))));

        source.facets()
                .forEach((facet, terms) -> terms.forEach(term -> {
                    doc.add(new StringField(FILTER + facet.apiName(), term.value(), Field.Store.NO));
                    doc.add(new SortedSetDocValuesFacetField(
                            facet.apiName(),
                            clean(term.value())
                                    + LABEL_SEPARATOR
                                    + clean(term.labelFr())
                                    + LABEL_SEPARATOR
                                    + clean(term.labelEn())));
                }));

        if (source.modified() != null) {
            long day = source.modified().toEpochDay();
            doc.add(new LongPoint(MODIFIED, day));
            doc.add(new NumericDocValuesField(MODIFIED_SORT, day));
        }
        var title = source.titleSort() == null ? "" : source.titleSort();
        doc.add(new SortedDocValuesField(
                TITLE_SORT,
                new BytesRef(title.length() > MAX_SORT_LENGTH ? title.substring(0, MAX_SORT_LENGTH) : title)));
        if (source.bbox() != null) {
            doc.add(new DoublePoint(WEST, source.bbox().west()));
            doc.add(new DoublePoint(SOUTH, source.bbox().south()));
            doc.add(new DoublePoint(EAST, source.bbox().east()));
            doc.add(new DoublePoint(NORTH, source.bbox().north()));
        }
        if (source.open()) {
            doc.add(new StringField(VISIBLE_TO, PUBLIC, Field.Store.NO));
        }
        source.grants().forEach(grant -> doc.add(new StringField(VISIBLE_TO, GRANT + grant, Field.Store.NO)));
        if (source.withdrawn()) {
            doc.add(new StringField(WITHDRAWN, "true", Field.Store.NO));
        }
        try {
            return FACETS.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value, French and English labels packed into a facet path component. */
    static String[] unpack(String label) {
        var parts = label.split(String.valueOf(LABEL_SEPARATOR), -1);
        return parts.length == 3 ? parts : new String[] {label, label, label};
    }

    static List<String> dims() {
        var dims = new ArrayList<String>();
        for (var facet : Facet.values()) {
            dims.add(facet.apiName());
        }
        return dims;
    }

    private static String clean(String text) {
        var cleaned = text.replace(LABEL_SEPARATOR, ' ').strip();
        return cleaned.isEmpty() ? "-" : cleaned;
    }

    private static FacetsConfig facetsConfig() {
        var config = new FacetsConfig();
        dims().forEach(dim -> config.setMultiValued(dim, true));
        config.setMultiValued(KEYWORD_DIM, true);
        config.setIndexFieldName(KEYWORD_DIM, KEYWORD_FACET_FIELD);
        return config;
    }

    private static FieldType tokensWithoutPositions() {
        var type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }
}
