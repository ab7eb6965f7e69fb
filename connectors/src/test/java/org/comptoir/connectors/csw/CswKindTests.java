package org.comptoir.connectors.csw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.comptoir.catalog.dataset.Description;
import org.comptoir.catalog.dataset.Distribution;
import org.comptoir.catalog.ingest.HarvestedRecord;
import org.comptoir.catalog.rdf.DatasetRdf;
import org.comptoir.connectors.Reference;
import org.comptoir.connectors.harvest.HarvestAbortedException;
import org.comptoir.connectors.harvest.SourcePage;
import org.junit.jupiter.api.Test;

/** The CSW paging and the ISO 19139 → GeoDCAT-AP mapping, without Camel, on GeoNetwork and Géoplateforme answers. */
class CswKindTests {
    private static final String ENDPOINT = "https://geo.example/geonetwork/srv/fre/csw";
    private static final String EU = "http://publications.europa.eu/resource/authority/";
    private final CswKind kind = new CswKind();

    @Test
    void asksForIsoRecordsPageByPageKeepingTheSourcesConstraint() {
        var first = kind.firstPage(ENDPOINT, 20);

        assertThat(first)
                .isEqualTo(ENDPOINT + "?service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record"
                        + "&resultType=results&elementSetName=full&outputSchema=http://www.isotc211.org/2005/gmd"
                        + "&startPosition=1&maxRecords=20");
        assertThat(kind.firstPage(
                        ENDPOINT + "?constraintLanguage=CQL_TEXT&constraint=OrganisationName%3D%27DDTM%27", 20))
                .startsWith(
                        ENDPOINT + "?constraintLanguage=CQL_TEXT&constraint=OrganisationName%3D%27DDTM%27&service=CSW");
        assertThat(kind.after(first)).endsWith("&startPosition=21&maxRecords=20");
        assertThat(kind.split(first))
                .containsExactly(
                        first.replace("maxRecords=20", "maxRecords=10"),
                        first.replace("startPosition=1&maxRecords=20", "startPosition=11&maxRecords=10"));
    }

    @Test
    void mapsAGeoNetworkPageOfUrbanPlans() {
        var page = read(
                Reference.bytes("ogc/csw/udata-tests/geonetwork-iso19139-page-1.xml"), kind.firstPage(ENDPOINT, 2));

        assertThat(page.totalItems()).isEqualTo(6L);
        assertThat(page.next()).endsWith("&startPosition=3&maxRecords=2");
        assertThat(page.records()).hasSize(2);
        var plan = page.records().get(0);
        assertThat(plan.sourceKey())
                .isEqualTo(
                        ENDPOINT + "?service=CSW&version=2.0.2&request=GetRecordById&elementSetName=full"
                                + "&outputSchema=http://www.isotc211.org/2005/gmd&id=fr-120066022-ldd-56fce164-04b2-41ae-be87-9f256f39dd44");
        assertThat(plan.mediaType()).isEqualTo("application/xml");
        assertThat(plan.rawPayload()).startsWith("<gmd:MD_Metadata").contains("fr-120066022-ldd-56fce164");
        var d = describe(plan);
        assertThat(d.title().get("fr")).contains("Plan local d'urbanisme de la commune de Cartigny");
        assertThat(d.identifier()).isEqualTo("fr-120066022-ldd-56fce164-04b2-41ae-be87-9f256f39dd44");
        assertThat(d.description().best("fr")).isNotBlank();
        assertThat(d.keywords()).isNotEmpty();
        assertThat(d.themes()).contains(EU + "data-theme/REGI");
        assertThat(d.publisher().name().best("fr")).isNotBlank();
        assertThat(d.contactPoint().email()).contains("@");
        assertThat(d.spatial().bbox()).startsWith("POLYGON((1.3127911 49.3854752, 3.2813356 49.3854752");
        assertThat(d.distributions()).isNotEmpty().allSatisfy(distribution -> assertThat(distribution.accessUrl())
                .startsWith("http"));
        assertThat(d.distributions())
                .extracting(Distribution::license)
                .containsOnly("https://www.etalab.gouv.fr/wp-content/uploads/2014/05/Licence_Ouverte.pdf");
        assertThat(plan.description()
                        .listObjectsOfProperty(org.apache.jena.vocabulary.DCTerms.subject)
                        .toList())
                .extracting(Object::toString)
                .contains("http://inspire.ec.europa.eu/metadata-codelist/TopicCategory/planningCadastre");
    }

    @Test
    void mapsTheGeoplateformeRecordAndLeavesOutTheInspireServiceRecords() {
        var ign = read(
                Reference.bytes("ogc/csw/udata-tests/geoplateforme-iso19139-IGNF_RPG.xml"),
                kind.firstPage(ENDPOINT, 10));
        var inspire = read(
                Reference.bytes("ogc/csw/owslib-tests/inspire-getrecords-response.xml"), kind.firstPage(ENDPOINT, 2));

        var rpg = describe(ign.records().get(0));
        assertThat(rpg.title().best("fr")).isEqualTo("RPG");
        assertThat(rpg.spatial().bbox()).isNotNull();
        assertThat(rpg.distributions()).isNotEmpty();
        assertThat(inspire.totalItems()).isEqualTo(216L);
        assertThat(inspire.next()).endsWith("&startPosition=85&maxRecords=2");
        assertThat(inspire.records())
                .as("both INSPIRE records describe view services, not data")
                .isEmpty();
    }

    @Test
    void readsTranslationsAndAnOpenLicenceNamedInAnAnchorAndLeavesOutServices() {
        var page = read(
                response(
                        record("ds-1", "dataset", """
                <gmd:citation><gmd:CI_Citation>
                  <gmd:title xsi:type="gmd:PT_FreeText_PropertyType">
                    <gco:CharacterString>Arbres remarquables</gco:CharacterString>
                    <gmd:PT_FreeText><gmd:textGroup>
                      <gmd:LocalisedCharacterString locale="#EN">Remarkable trees</gmd:LocalisedCharacterString>
                    </gmd:textGroup></gmd:PT_FreeText>
                  </gmd:title>
                  <gmd:date><gmd:CI_Date><gmd:date><gco:Date>2023-05-02</gco:Date></gmd:date>
                    <gmd:dateType><gmd:CI_DateTypeCode codeListValue="revision"/></gmd:dateType></gmd:CI_Date></gmd:date>
                </gmd:CI_Citation></gmd:citation>
                <gmd:abstract><gco:CharacterString>Les arbres <b>remarquables</b> de la ville.</gco:CharacterString></gmd:abstract>
                <gmd:resourceConstraints><gmd:MD_LegalConstraints><gmd:otherConstraints>
                  <gmx:Anchor xlink:href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/">Licence Ouverte 2.0</gmx:Anchor>
                </gmd:otherConstraints></gmd:MD_LegalConstraints></gmd:resourceConstraints>
                <gmd:extent><gmd:EX_Extent><gmd:temporalElement><gmd:EX_TemporalExtent><gmd:extent>
                  <gml:TimePeriod gml:id="t1"><gml:beginPosition>2019-01-01</gml:beginPosition><gml:endPosition/></gml:TimePeriod>
                </gmd:extent></gmd:EX_TemporalExtent></gmd:temporalElement></gmd:EX_Extent></gmd:extent>
                """)
                                + record(
                                        "srv-1",
                                        "service",
                                        "<gmd:citation><gmd:CI_Citation><gmd:title>"
                                                + "<gco:CharacterString>Service WMS</gco:CharacterString></gmd:title></gmd:CI_Citation></gmd:citation>"),
                        2,
                        0),
                kind.firstPage(ENDPOINT, 10));

        assertThat(page.next()).isNull();
        assertThat(page.records()).singleElement().satisfies(record -> {
            var d = describe(record);
            assertThat(d.title().values())
                    .containsEntry("fr", "Arbres remarquables")
                    .containsEntry("en", "Remarkable trees");
            assertThat(d.description().best("fr")).isEqualTo("Les arbres remarquables de la ville.");
            assertThat(d.modified()).isEqualTo("2023-05-02");
            assertThat(d.temporal().start()).isEqualTo("2019-01-01");
            assertThat(d.temporal().end()).isNull();
        });
    }

    @Test
    void refusesAnExceptionReportAndAnXmlBombWithAReason() {
        var report = """
                <?xml version="1.0"?>
                <ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows" version="1.2.0">
                  <ows:Exception exceptionCode="InvalidParameterValue" locator="outputSchema">
                    <ows:ExceptionText>outputSchema non pris en charge</ows:ExceptionText>
                  </ows:Exception>
                </ows:ExceptionReport>
                """;
        assertThatThrownBy(() -> read(report.getBytes(StandardCharsets.UTF_8), ENDPOINT))
                .isInstanceOf(HarvestAbortedException.class)
                .hasMessageContaining("outputSchema non pris en charge");
        var bomb =
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]><r>&b;</r>";
        assertThatThrownBy(() -> read(bomb.getBytes(StandardCharsets.UTF_8), ENDPOINT))
                .isInstanceOf(HarvestAbortedException.class)
                .hasMessageContaining("DOCTYPE");
    }

    private SourcePage read(byte[] body, String url) {
        return kind.read(body, "application/xml", url);
    }

    static String record(String id, String scope, String identification) {
        return """
                <gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:gco="http://www.isotc211.org/2005/gco"
                    xmlns:gmx="http://www.isotc211.org/2005/gmx" xmlns:xlink="http://www.w3.org/1999/xlink"
                    xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <gmd:fileIdentifier><gco:CharacterString>%s</gco:CharacterString></gmd:fileIdentifier>
                  <gmd:language><gmd:LanguageCode codeList="http://www.loc.gov/standards/iso639-2/" codeListValue="fre"/></gmd:language>
                  <gmd:hierarchyLevel><gmd:MD_ScopeCode codeList="x" codeListValue="%s"/></gmd:hierarchyLevel>
                  <gmd:dateStamp><gco:DateTime>2024-01-10T08:00:00</gco:DateTime></gmd:dateStamp>
                  <gmd:identificationInfo><gmd:MD_DataIdentification>%s</gmd:MD_DataIdentification></gmd:identificationInfo>
                </gmd:MD_Metadata>
                """.formatted(id, scope, identification);
    }

    static byte[] response(String records, int matched, int next) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" version="2.0.2">
                  <csw:SearchStatus timestamp="2024-03-19T08:13:39Z"/>
                  <csw:SearchResults numberOfRecordsMatched="%d" numberOfRecordsReturned="%d" elementSet="full" nextRecord="%d">
                %s
                  </csw:SearchResults>
                </csw:GetRecordsResponse>
                """.formatted(matched, matched, next, records)).strip().getBytes(StandardCharsets.UTF_8);
    }

    private static Description describe(HarvestedRecord record) {
        return DatasetRdf.read(record.dataset()).description();
    }
}
