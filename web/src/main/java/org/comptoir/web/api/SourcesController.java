package org.comptoir.web.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.comptoir.catalog.dataset.AccessLevel;
import org.comptoir.catalog.dataset.PersonalData;
import org.comptoir.connectors.SourceNotFoundException;
import org.comptoir.connectors.harvest.HarvestEngine;
import org.comptoir.connectors.harvest.HarvestScheduling;
import org.comptoir.connectors.harvest.RunTrigger;
import org.comptoir.connectors.harvest.SourceProbe;
import org.comptoir.connectors.source.Credentials;
import org.comptoir.connectors.source.NewSource;
import org.comptoir.connectors.source.Source;
import org.comptoir.connectors.source.Sources;
import org.comptoir.web.api.generated.SourcesApi;
import org.comptoir.web.api.generated.model.CredentialType;
import org.comptoir.web.api.generated.model.CredentialsInput;
import org.comptoir.web.api.generated.model.DryRun;
import org.comptoir.web.api.generated.model.HarvestRun;
import org.comptoir.web.api.generated.model.SourceInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Harvest sources, the dry runs that test them and the runs started on them. Credentials go in and
 * never come out: a source shows only their type and whether they are set.
 */
@RestController
@RequestMapping("/api/v1")
class SourcesController implements SourcesApi {
    private final Sources sources;
    private final HarvestEngine engine;
    private final HarvestScheduling scheduling;
    private final SourceProbe probe;
    private final HttpServletRequest request;

    SourcesController(
            Sources sources,
            HarvestEngine engine,
            HarvestScheduling scheduling,
            SourceProbe probe,
            HttpServletRequest request) {
        this.sources = sources;
        this.engine = engine;
        this.scheduling = scheduling;
        this.probe = probe;
        this.request = request;
    }

    @Override
    public ResponseEntity<org.comptoir.web.api.generated.model.Source> createSource(SourceInput input) {
        var source = sources.create(toDomain(input, Credentials.NONE));
        return ResponseEntity.created(URI.create(request.getRequestURI() + "/" + source.id()))
                .eTag(ETags.of(source.version()))
                .body(toApi(source));
    }

    @Override
    public ResponseEntity<org.comptoir.web.api.generated.model.Source> updateSource(
            String id, String ifMatch, SourceInput input) {
        var source = sources.update(id, ETags.version(ifMatch), toDomain(input, null));
        return ResponseEntity.ok().eTag(ETags.of(source.version())).body(toApi(source));
    }

    /** Mapped here too: its 204 has no body, and a client asking for JSON must not get a 406. */
    @Override
    @DeleteMapping("/sources/{id}")
    public ResponseEntity<Void> deleteSource(@PathVariable("id") String id) {
        sources.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<List<org.comptoir.web.api.generated.model.Source>> listSources() {
        return ResponseEntity.ok(
                sources.all().stream().map(this::toApi).collect(Collectors.toCollection(ArrayList::new)));
    }

    @Override
    public ResponseEntity<org.comptoir.web.api.generated.model.Source> getSource(String id) {
        var source = sources.find(id).orElseThrow(() -> new SourceNotFoundException(id));
        return ResponseEntity.ok().eTag(ETags.of(source.version())).body(toApi(source));
    }

    @Override
    public ResponseEntity<DryRun> dryRunSource(String id) {
        return ResponseEntity.ok(toApi(probe.probe(id)));
    }

    @Override
    public ResponseEntity<DryRun> dryRunNewSource(SourceInput input) {
        return ResponseEntity.ok(toApi(probe.probe(toDomain(input, Credentials.NONE), null)));
    }

    @Override
    public ResponseEntity<HarvestRun> startHarvest(String id) {
        var run = engine.start(id, RunTrigger.api(currentUser()));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create(request.getContextPath() + "/api/v1/harvests/" + run.id()))
                .body(HarvestsController.toApi(run));
    }

    @Override
    public ResponseEntity<List<HarvestRun>> listHarvests(String id) {
        return ResponseEntity.ok(engine.runsOf(id).stream()
                .map(HarvestsController::toApi)
                .collect(Collectors.toCollection(ArrayList::new)));
    }

    static String currentUser() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }

    /**
     * @param absentCredentials what missing credentials mean: none (a new source) or null (keep the
     *     stored ones)
     */
    static NewSource toDomain(SourceInput input, Credentials absentCredentials) {
        var politeness = input.getPoliteness();
        var defaults = input.getDefaults();
        var limits = input.getLimits();
        return new NewSource(
                input.getName(),
                input.getKind(),
                input.getUrl(),
                input.getSchedule(),
                input.getCredentials() == null ? absentCredentials : credentials(input.getCredentials()),
                politeness == null
                        ? null
                        : new org.comptoir.connectors.source.Politeness(
                                politeness.getMaxRequestsPerSecond(), politeness.getPageSize()),
                defaults == null
                        ? null
                        : new org.comptoir.connectors.source.SourceDefaults(
                                defaults.getOrgUnit(),
                                defaults.getOwnerName(),
                                defaults.getOwnerEmail(),
                                defaults.getAccessLevel() == null
                                        ? null
                                        : AccessLevel.valueOf(
                                                defaults.getAccessLevel().name()),
                                defaults.getPersonalData() == null
                                        ? null
                                        : PersonalData.valueOf(
                                                defaults.getPersonalData().name())),
                limits == null
                        ? null
                        : new org.comptoir.connectors.source.RunLimits(
                                limits.getMaxRecords(),
                                limits.getMaxDurationSeconds() == null
                                        ? null
                                        : Duration.ofSeconds(limits.getMaxDurationSeconds())));
    }

    private static Credentials credentials(CredentialsInput input) {
        return switch (input.getType()) {
            case NONE -> Credentials.NONE;
            case BASIC -> new Credentials.Basic(input.getUsername(), input.getPassword());
            case BEARER -> new Credentials.Bearer(input.getToken());
            case API_KEY -> new Credentials.ApiKey(input.getHeader(), input.getValue());
            case OAUTH2 ->
                new Credentials.OAuth2(
                        input.getTokenUrl(), input.getClientId(), input.getClientSecret(), input.getScope());
        };
    }

    org.comptoir.web.api.generated.model.Source toApi(Source source) {
        var api = new org.comptoir.web.api.generated.model.Source();
        api.setId(source.id());
        api.setName(source.name());
        api.setKind(source.kind());
        api.setUrl(source.url());
        api.setSchedule(source.schedule());
        scheduling.next(source.id()).ifPresent(next -> api.setNextRunAt(next.atOffset(ZoneOffset.UTC)));
        api.setCredentialType(CredentialType.valueOf(source.credentialType().name()));
        api.setCredentialsSet(source.credentialsSet());
        var politeness = new org.comptoir.web.api.generated.model.Politeness();
        politeness.setMaxRequestsPerSecond(source.politeness().maxRequestsPerSecond());
        politeness.setPageSize(source.politeness().pageSize());
        api.setPoliteness(politeness);
        var d = source.defaults();
        var defaults = new org.comptoir.web.api.generated.model.SourceDefaults();
        defaults.setOrgUnit(d.orgUnit());
        defaults.setOwnerName(d.ownerName());
        defaults.setOwnerEmail(d.ownerEmail());
        defaults.setAccessLevel(
                d.accessLevel() == null
                        ? null
                        : org.comptoir.web.api.generated.model.AccessLevel.valueOf(
                                d.accessLevel().name()));
        defaults.setPersonalData(
                d.personalData() == null
                        ? null
                        : org.comptoir.web.api.generated.model.PersonalData.valueOf(
                                d.personalData().name()));
        api.setDefaults(defaults);
        var limits = new org.comptoir.web.api.generated.model.RunLimits();
        limits.setMaxRecords(source.limits().maxRecords());
        limits.setMaxDurationSeconds(
                source.limits().maxDuration() == null
                        ? null
                        : source.limits().maxDuration().toSeconds());
        api.setLimits(limits);
        api.setVersion(source.version());
        api.setCreatedAt(source.createdAt() == null ? null : source.createdAt().atOffset(ZoneOffset.UTC));
        return api;
    }

    static DryRun toApi(SourceProbe.Preview preview) {
        var api = new DryRun();
        api.setUrl(preview.url());
        api.setCount(preview.count());
        api.setTotal(preview.total());
        api.setTitles(new ArrayList<>(preview.titles()));
        api.setNext(preview.next());
        return api;
    }
}
