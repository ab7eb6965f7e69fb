package org.comptoir.connectors.mapping;

import java.net.URI;
import java.net.URISyntaxException;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.comptoir.ontologies.AuthorityTables;

/**
 * A distribution of a {@link DatasetDescription}: written by {@link #add()} when it has an access
 * or download URL (the download URL standing for the access URL when it is the only one), else
 * left out, as the catalogue could not offer it. Its format is the EU file type its format name,
 * media type or file name designates; an unknown format is kept as a label.
 */
public final class DistributionDescription {
    private final DatasetDescription dataset;
    private final Resource node;
    private String format;
    private String mediaType;
    private String accessUrl;
    private String downloadUrl;

    DistributionDescription(DatasetDescription dataset, String iri) {
        this.dataset = dataset;
        var model = dataset.model();
        var named = DatasetDescription.webIri(iri);
        this.node = (named == null ? model.createResource() : model.createResource(named))
                .addProperty(RDF.type, DCAT.Distribution);
    }

    public DistributionDescription title(String title) {
        return text(DCTerms.title, title);
    }

    public DistributionDescription description(String description) {
        return text(DCTerms.description, description);
    }

    public DistributionDescription accessUrl(String url) {
        accessUrl = accessUrl != null ? accessUrl : DatasetDescription.webIri(url);
        return this;
    }

    public DistributionDescription downloadUrl(String url) {
        downloadUrl = downloadUrl != null ? downloadUrl : DatasetDescription.webIri(url);
        return this;
    }

    /** The format as the source names it: {@code CSV}, {@code text/csv}, {@code shapefile}, {@code WMS}... */
    public DistributionDescription format(String name) {
        format = format != null || name == null || name.isBlank() ? format : name.strip();
        return this;
    }

    /** The media type ({@code text/csv; charset=utf-8} is fine). */
    public DistributionDescription mediaType(String type) {
        mediaType = mediaType != null ? mediaType : DatasetDescription.mediaTypeIri(type);
        return this;
    }

    /** The distribution's own licence, by any of its names; else the dataset's applies. */
    public DistributionDescription licence(String name) {
        AuthorityTables.bundled()
                .licenceByAlias(name)
                .map(AuthorityTables.Concept::iri)
                .or(() -> java.util.Optional.ofNullable(DatasetDescription.webIri(name)))
                .filter(iri -> !node.hasProperty(DCTerms.license))
                .ifPresent(
                        iri -> node.addProperty(DCTerms.license, node.getModel().createResource(iri)));
        return this;
    }

    public DistributionDescription byteSize(Long bytes) {
        if (bytes != null && bytes >= 0 && !node.hasProperty(DCAT.byteSize)) {
            node.addProperty(
                    DCAT.byteSize,
                    node.getModel().createTypedLiteral(String.valueOf(bytes), XSDDatatype.XSDnonNegativeInteger));
        }
        return this;
    }

    public DistributionDescription issued(String date) {
        dataset.date(node, DCTerms.issued, date);
        return this;
    }

    public DistributionDescription modified(String date) {
        dataset.date(node, DCTerms.modified, date);
        return this;
    }

    public DistributionDescription conformsTo(String iri) {
        dataset.link(node, DCTerms.conformsTo, iri);
        return this;
    }

    /** Writes the distribution into the dataset when it has an address; returns the dataset. */
    public DatasetDescription add() {
        var access = accessUrl != null ? accessUrl : downloadUrl;
        if (access == null) {
            node.getModel().removeAll(node, null, null);
            return dataset;
        }
        var model = node.getModel();
        node.addProperty(DCAT.accessURL, model.createResource(access));
        if (downloadUrl != null) {
            node.addProperty(DCAT.downloadURL, model.createResource(downloadUrl));
        }
        var tables = AuthorityTables.bundled();
        var fileType = tables.fileTypeFor(format)
                .or(() -> tables.fileTypeFor(mediaType))
                .or(() -> tables.fileTypeFor(fileName(downloadUrl != null ? downloadUrl : access)));
        if (fileType.isPresent()) {
            node.addProperty(DCTerms.format, model.createResource(fileType.get().iri()));
        } else if (format != null) {
            node.addProperty(
                    DCTerms.format,
                    model.createResource()
                            .addProperty(RDF.type, DCTerms.MediaTypeOrExtent)
                            .addProperty(RDFS.label, format));
        }
        var media = mediaType != null
                ? mediaType
                : fileType.flatMap(AuthorityTables.Concept::mediaType)
                        .map(DatasetDescription::mediaTypeIri)
                        .orElse(null);
        if (media != null) {
            node.addProperty(DCAT.mediaType, model.createResource(media));
        }
        dataset.attach(node);
        return dataset;
    }

    private DistributionDescription text(org.apache.jena.rdf.model.Property property, String value) {
        var text = Texts.plain(value);
        var lang = dataset.defaultLanguage();
        if (text != null) {
            node.addProperty(
                    property,
                    lang == null
                            ? node.getModel().createLiteral(text)
                            : node.getModel().createLiteral(text, lang));
        }
        return this;
    }

    /** The last segment of a URL's path when it has an extension ({@code export.csv}), else null. */
    private static String fileName(String url) {
        try {
            var path = new URI(url).getPath();
            if (path == null) {
                return null;
            }
            var name = path.substring(path.lastIndexOf('/') + 1);
            return name.lastIndexOf('.') > 0 ? name : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
