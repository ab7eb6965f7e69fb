package org.comptoir.connectors.csw;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.comptoir.catalog.ingest.HarvestedRecord;
import org.comptoir.connectors.harvest.HarvestAbortedException;
import org.comptoir.connectors.harvest.SourceKind;
import org.comptoir.connectors.harvest.SourcePage;
import org.comptoir.connectors.mapping.OffsetPaging;
import org.comptoir.connectors.source.SourceKinds;
import org.comptoir.connectors.xml.SecureXml;
import org.comptoir.connectors.xml.UnreadableXmlException;
import org.w3c.dom.Element;

/**
 * Harvests an OGC CSW 2.0.2 catalogue with {@code GetRecords} in GET (KVP), {@code maxRecords}
 * records at a time from {@code startPosition} (counted from 1), in ISO 19139 ({@code
 * outputSchema=http://www.isotc211.org/2005/gmd}, full element set). {@code numberOfRecordsMatched}
 * is the total; {@code nextRecord} the next page's start, 0 on the last page. A source's address is
 * the catalogue's endpoint ({@code https://geo.example/geonetwork/srv/fre/csw}); parameters it
 * already has (a {@code constraint} to harvest a subset) are kept.
 *
 * <p>The answer is parsed with {@link SecureXml}: a DOCTYPE, an entity or an XML bomb fails the page
 * with a reason. An {@code ows:ExceptionReport} fails the run with the catalogue's own message.
 * Each {@code gmd:MD_Metadata} is mapped by {@link IsoRecords}.
 */
public final class CswKind implements SourceKind {
    static final String CSW = "http://www.opengis.net/cat/csw/2.0.2";
    static final String OWS = "http://www.opengis.net/ows";
    static final String GMD = "http://www.isotc211.org/2005/gmd";
    static final OffsetPaging PAGING = new OffsetPaging("maxRecords", "startPosition");

    @Override
    public String name() {
        return SourceKinds.CSW;
    }

    @Override
    public String accept() {
        return "application/xml, text/xml;q=0.9";
    }

    @Override
    public String firstPage(String url, int pageSize) {
        var defaults = new LinkedHashMap<String, String>();
        defaults.put("service", "CSW");
        defaults.put("version", "2.0.2");
        defaults.put("request", "GetRecords");
        defaults.put("typeNames", "csw:Record");
        defaults.put("resultType", "results");
        defaults.put("elementSetName", "full");
        defaults.put("outputSchema", GMD);
        defaults.put("startPosition", "1");
        defaults.put("maxRecords", String.valueOf(pageSize));
        var page = url;
        for (Map.Entry<String, String> parameter : defaults.entrySet()) {
            if (parameterIgnoringCase(page, parameter.getKey()) == null) {
                page = OffsetPaging.with(page, parameter.getKey(), parameter.getValue());
            }
        }
        return page;
    }

    @Override
    public List<String> split(String pageUrl) {
        return PAGING.split(pageUrl);
    }

    @Override
    public String after(String pageUrl) {
        return PAGING.after(pageUrl);
    }

    @Override
    public SourcePage read(byte[] body, String contentType, String pageUrl) {
        if (body.length == 0) {
            throw new HarvestAbortedException("la page " + pageUrl + " est vide");
        }
        Element root;
        try {
            root = SecureXml.parse(body, "la page " + pageUrl).getDocumentElement();
        } catch (UnreadableXmlException e) {
            throw new HarvestAbortedException(e.getMessage(), e);
        }
        if ("ExceptionReport".equals(root.getLocalName())) {
            var text = root.getElementsByTagNameNS(OWS, "ExceptionText");
            var message = text.getLength() > 0
                    ? text.item(0).getTextContent().strip()
                    : root.getTextContent().strip();
            throw new HarvestAbortedException(
                    "le catalogue CSW a répondu une erreur pour " + pageUrl + " : " + message);
        }
        var results = root.getElementsByTagNameNS(CSW, "SearchResults");
        if (!"GetRecordsResponse".equals(root.getLocalName()) || results.getLength() == 0) {
            throw new HarvestAbortedException("la page " + pageUrl + " n'est pas une réponse GetRecords de CSW 2.0.2");
        }
        var searchResults = (Element) results.item(0);
        var endpoint = OffsetPaging.withoutQuery(pageUrl).toString();
        var records = new ArrayList<HarvestedRecord>();
        for (var child = searchResults.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element metadata
                    && GMD.equals(metadata.getNamespaceURI())
                    && "MD_Metadata".equals(metadata.getLocalName())) {
                IsoRecords.record(metadata, endpoint).ifPresent(records::add);
            }
        }
        var matched = number(searchResults.getAttribute("numberOfRecordsMatched"));
        var next = number(searchResults.getAttribute("nextRecord"));
        var nextPage = next == null || next <= 0 || (matched != null && next > matched)
                ? null
                : OffsetPaging.with(pageUrl, "startPosition", String.valueOf(next));
        return new SourcePage(records, nextPage, matched);
    }

    private static String parameterIgnoringCase(String url, String name) {
        var value = OffsetPaging.parameter(url, name);
        if (value != null) {
            return value;
        }
        var lower = url.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("?" + name.toLowerCase(java.util.Locale.ROOT) + "=")
                        || lower.contains("&" + name.toLowerCase(java.util.Locale.ROOT) + "=")
                ? ""
                : null;
    }

    private static Long number(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
