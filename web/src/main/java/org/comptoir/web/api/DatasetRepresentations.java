package org.comptoir.web.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.comptoir.catalog.dataset.AccessLevel;
import org.comptoir.catalog.dataset.Agent;
import org.comptoir.catalog.dataset.ContactPoint;
import org.comptoir.catalog.dataset.DataService;
import org.comptoir.catalog.dataset.Dataset;
import org.comptoir.catalog.dataset.DatasetKind;
import org.comptoir.catalog.dataset.Description;
import org.comptoir.catalog.dataset.Distribution;
import org.comptoir.catalog.dataset.Governance;
import org.comptoir.catalog.dataset.LangText;
import org.comptoir.catalog.dataset.Owner;
import org.comptoir.catalog.dataset.PersonalData;
import org.comptoir.catalog.dataset.PublicationStatus;
import org.comptoir.catalog.dataset.Spatial;
import org.comptoir.catalog.dataset.Temporal;
import org.comptoir.web.PublicBase;
import org.comptoir.web.api.generated.model.DatasetInput;
import org.springframework.stereotype.Component;

/** Maps datasets between the API's representations and the catalogue's records. */
@Component
class DatasetRepresentations {
    private final PublicBase base;

    DatasetRepresentations(PublicBase base) {
        this.base = base;
    }

    org.comptoir.web.api.generated.model.Dataset toApi(Dataset dataset, HttpServletRequest request) {
        var d = dataset.description();
        var g = dataset.governance();
        var api = new org.comptoir.web.api.generated.model.Dataset();
        api.setId(dataset.id());
        api.setIri(base.datasetIri(request, dataset.id()));
        api.setVersion(dataset.version());
        api.setKind(org.comptoir.web.api.generated.model.DatasetKind.valueOf(
                dataset.kind().name()));
        api.setTitle(d.title().values());
        api.setDescription(d.description().values());
        api.setIdentifier(d.identifier());
        api.setKeywords(new ArrayList<>(d.keywords()));
        api.setThemes(new ArrayList<>(d.themes()));
        if (d.publisher() != null) {
            api.setPublisher(new org.comptoir.web.api.generated.model.Agent()
                    .iri(d.publisher().iri())
                    .name(d.publisher().name().values()));
        }
        if (d.contactPoint() != null) {
            api.setContactPoint(new org.comptoir.web.api.generated.model.ContactPoint()
                    .name(d.contactPoint().name())
                    .email(d.contactPoint().email())
                    .url(d.contactPoint().url()));
        }
        api.setIssued(d.issued());
        api.setModified(d.modified());
        api.setLanguages(new ArrayList<>(d.languages()));
        api.setAccrualPeriodicity(d.accrualPeriodicity());
        if (d.spatial() != null) {
            api.setSpatial(new org.comptoir.web.api.generated.model.Spatial()
                    .places(new ArrayList<>(d.spatial().places()))
                    .bbox(d.spatial().bbox())
                    .geometry(d.spatial().geometry()));
        }
        if (d.temporal() != null) {
            api.setTemporal(new org.comptoir.web.api.generated.model.Temporal()
                    .start(d.temporal().start())
                    .end(d.temporal().end()));
        }
        api.setLandingPage(d.landingPage());
        api.setConformsTo(new ArrayList<>(d.conformsTo()));
        api.setVersionInfo(d.version());
        api.setInSeries(new ArrayList<>(d.inSeries()));
        api.setApplicableLegislation(new ArrayList<>(d.applicableLegislation()));
        api.setDistributions(d.distributions().stream()
                .map(dist -> toApi(dist, request))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
        api.setOwner(new org.comptoir.web.api.generated.model.Owner()
                .orgUnit(g.owner().orgUnit())
                .name(g.owner().name())
                .email(g.owner().email()));
        api.setAccessLevel(org.comptoir.web.api.generated.model.AccessLevel.valueOf(
                g.accessLevel().name()));
        api.setPersonalData(org.comptoir.web.api.generated.model.PersonalData.valueOf(
                g.personalData().name()));
        api.setStatus(org.comptoir.web.api.generated.model.PublicationStatus.valueOf(
                g.status().name()));
        api.setSourceId(dataset.provenance().sourceId());
        api.setSourceKey(dataset.provenance().sourceKey());
        if (dataset.provenance().createdAt() != null) {
            api.setCreatedAt(dataset.provenance().createdAt().atOffset(ZoneOffset.UTC));
            api.setUpdatedAt(dataset.provenance().updatedAt().atOffset(ZoneOffset.UTC));
        }
        return api;
    }

    private org.comptoir.web.api.generated.model.Distribution toApi(Distribution d, HttpServletRequest request) {
        var api = new org.comptoir.web.api.generated.model.Distribution();
        api.setIri(base.publicIri(request, d.iri()));
        api.setTitle(d.title().values());
        api.setDescription(d.description().values());
        api.setAccessUrl(d.accessUrl());
        api.setDownloadUrl(d.downloadUrl());
        api.setFormat(d.format());
        api.setMediaType(d.mediaType());
        api.setLicense(d.license());
        api.setRights(d.rights());
        api.setAvailability(d.availability());
        api.setStatus(d.status());
        api.setByteSize(d.byteSize());
        api.setIssued(d.issued());
        api.setModified(d.modified());
        api.setLanguages(new ArrayList<>(d.languages()));
        api.setConformsTo(new ArrayList<>(d.conformsTo()));
        if (d.accessService() != null) {
            api.setAccessService(new org.comptoir.web.api.generated.model.DataService()
                    .iri(d.accessService().iri())
                    .title(d.accessService().title().values())
                    .endpointUrl(d.accessService().endpointUrl())
                    .endpointDescription(d.accessService().endpointDescription()));
        }
        return api;
    }

    DatasetKind kind(DatasetInput input) {
        return input.getKind() == null
                ? DatasetKind.DATASET
                : DatasetKind.valueOf(input.getKind().name());
    }

    Description description(DatasetInput input, HttpServletRequest request) {
        var publisher = input.getPublisher() == null
                ? null
                : new Agent(
                        input.getPublisher().getIri(), text(input.getPublisher().getName()));
        var contact = input.getContactPoint() == null
                ? null
                : new ContactPoint(
                        input.getContactPoint().getName(),
                        input.getContactPoint().getEmail(),
                        input.getContactPoint().getUrl());
        var spatial = input.getSpatial() == null
                ? null
                : new Spatial(
                        input.getSpatial().getPlaces(),
                        input.getSpatial().getBbox(),
                        input.getSpatial().getGeometry());
        var temporal = input.getTemporal() == null
                ? null
                : new Temporal(
                        input.getTemporal().getStart(), input.getTemporal().getEnd());
        return new Description(
                text(input.getTitle()),
                text(input.getDescription()),
                input.getIdentifier(),
                input.getKeywords(),
                input.getThemes(),
                publisher,
                contact,
                input.getIssued(),
                input.getModified(),
                input.getLanguages(),
                input.getAccrualPeriodicity(),
                spatial,
                temporal,
                input.getLandingPage(),
                input.getConformsTo(),
                input.getVersionInfo(),
                input.getInSeries(),
                input.getApplicableLegislation(),
                input.getDistributions() == null
                        ? List.of()
                        : input.getDistributions().stream()
                                .map(d -> distribution(d, request))
                                .toList());
    }

    private Distribution distribution(org.comptoir.web.api.generated.model.Distribution d, HttpServletRequest request) {
        var service = d.getAccessService() == null
                ? null
                : new DataService(
                        d.getAccessService().getIri(),
                        text(d.getAccessService().getTitle()),
                        d.getAccessService().getEndpointUrl(),
                        d.getAccessService().getEndpointDescription());
        return new Distribution(
                base.storedIri(request, d.getIri()),
                text(d.getTitle()),
                text(d.getDescription()),
                d.getAccessUrl(),
                d.getDownloadUrl(),
                d.getFormat(),
                d.getMediaType(),
                d.getLicense(),
                d.getRights(),
                d.getAvailability(),
                d.getStatus(),
                d.getByteSize(),
                d.getIssued(),
                d.getModified(),
                d.getLanguages(),
                d.getConformsTo(),
                service);
    }

    /** Governance from the input; what it leaves out keeps its current (or default) value. */
    Governance governance(DatasetInput input, Governance current) {
        var owner = input.getOwner() == null
                ? current.owner()
                : new Owner(
                        input.getOwner().getOrgUnit(),
                        input.getOwner().getName(),
                        input.getOwner().getEmail());
        return new Governance(
                owner,
                input.getAccessLevel() == null
                        ? current.accessLevel()
                        : AccessLevel.valueOf(input.getAccessLevel().name()),
                input.getPersonalData() == null
                        ? current.personalData()
                        : PersonalData.valueOf(input.getPersonalData().name()),
                input.getStatus() == null
                        ? current.status()
                        : PublicationStatus.valueOf(input.getStatus().name()));
    }

    private static LangText text(Map<String, String> values) {
        return values == null ? LangText.EMPTY : new LangText(values);
    }
}
