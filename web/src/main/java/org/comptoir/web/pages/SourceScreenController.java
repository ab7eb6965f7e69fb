package org.comptoir.web.pages;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.comptoir.catalog.dataset.AccessLevel;
import org.comptoir.catalog.dataset.FieldProblem;
import org.comptoir.catalog.dataset.PersonalData;
import org.comptoir.connectors.InvalidSourceException;
import org.comptoir.connectors.RunAlreadyActiveException;
import org.comptoir.connectors.SourceNotFoundException;
import org.comptoir.connectors.SourceProbeException;
import org.comptoir.connectors.StaleSourceException;
import org.comptoir.connectors.harvest.HarvestEngine;
import org.comptoir.connectors.harvest.HarvestScheduling;
import org.comptoir.connectors.harvest.RunTrigger;
import org.comptoir.connectors.harvest.SourceProbe;
import org.comptoir.connectors.source.CredentialType;
import org.comptoir.connectors.source.Credentials;
import org.comptoir.connectors.source.SecretBox;
import org.comptoir.connectors.source.Source;
import org.comptoir.connectors.source.SourceKinds;
import org.comptoir.connectors.source.Sources;
import org.comptoir.web.pages.HarvestViews.SourceRow;
import org.comptoir.web.security.Viewers;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The source screens of the CDO and the administrators: the list of sources with how their last
 * run went, the form that adds or changes one and tests its connection without saving (a dry run
 * of its first page), and the page of a source with its runs, from which a run starts.
 */
@Controller
class SourceScreenController {
    private static final String ID = "{id:[0-9a-f-]{36}}";

    private final Sources sources;
    private final HarvestEngine engine;
    private final HarvestScheduling scheduling;
    private final SourceProbe probe;
    private final Clock clock;

    SourceScreenController(
            Sources sources, HarvestEngine engine, HarvestScheduling scheduling, SourceProbe probe, Clock clock) {
        this.sources = sources;
        this.engine = engine;
        this.scheduling = scheduling;
        this.probe = probe;
        this.clock = clock;
    }

    @GetMapping("/sources")
    String list(Model model, Locale locale) {
        var now = clock.instant();
        model.addAttribute(
                "rows",
                sources.all().stream()
                        .map(source -> new SourceRow(
                                source,
                                engine.runsOf(source.id()).stream()
                                        .findFirst()
                                        .map(run -> HarvestViews.run(run, locale, now))
                                        .orElse(null)))
                        .toList());
        return "sources";
    }

    @GetMapping("/sources/new")
    String add(Model model) {
        return form(model, SourceForm.blank(), null, List.of());
    }

    @PostMapping("/sources")
    String create(SourceForm form, Model model, RedirectAttributes redirect) {
        var parsed = form.parse(Credentials.NONE);
        if (!parsed.problems().isEmpty()) {
            return form(model, form, null, allProblems(parsed));
        }
        try {
            var source = sources.create(parsed.request());
            redirect.addFlashAttribute("notice", "source.saved");
            return "redirect:/sources/" + source.id();
        } catch (InvalidSourceException e) {
            return form(model, form, null, e.problems());
        }
    }

    @PostMapping("/sources/test")
    String testNew(SourceForm form, Model model) {
        return test(model, form, null, Credentials.NONE);
    }

    @GetMapping("/sources/" + ID)
    String show(@PathVariable String id, Model model, Locale locale) {
        var source = found(id);
        var now = clock.instant();
        model.addAttribute("source", source);
        model.addAttribute(
                "nextRun",
                scheduling.next(id).map(next -> HarvestViews.time(next, locale)).orElse(null));
        model.addAttribute(
                "runs",
                engine.runsOf(id).stream()
                        .map(run -> HarvestViews.run(run, locale, now))
                        .toList());
        return "source";
    }

    @GetMapping("/sources/" + ID + "/edit")
    String edit(@PathVariable String id, Model model) {
        var source = found(id);
        return form(model, SourceForm.of(source, stored(source)), source, List.of());
    }

    @PostMapping("/sources/" + ID + "/edit")
    String update(@PathVariable String id, SourceForm form, Model model, RedirectAttributes redirect) {
        var source = found(id);
        var parsed = form.parse(stored(source));
        if (!parsed.problems().isEmpty()) {
            return form(model, form, source, allProblems(parsed));
        }
        try {
            sources.update(id, form.expectedVersion(), parsed.request());
            redirect.addFlashAttribute("notice", "source.saved");
            return "redirect:/sources/" + id;
        } catch (InvalidSourceException e) {
            return form(model, form, source, e.problems());
        } catch (StaleSourceException e) {
            var current = found(id);
            model.addAttribute("stale", true);
            return form(model, SourceForm.of(current, stored(current)), current, List.of());
        }
    }

    @PostMapping("/sources/" + ID + "/test")
    String testExisting(@PathVariable String id, SourceForm form, Model model) {
        var source = found(id);
        return test(model, form, source, stored(source));
    }

    @PostMapping("/sources/" + ID + "/harvests")
    String start(@PathVariable String id, Authentication user, RedirectAttributes redirect) {
        found(id);
        try {
            var run = engine.start(id, RunTrigger.screen(Viewers.name(user)));
            return "redirect:/harvests/" + run.id();
        } catch (RunAlreadyActiveException e) {
            redirect.addFlashAttribute("notice", "run.alreadyActive");
            return "redirect:/harvests/" + e.activeRunId();
        }
    }

    @ExceptionHandler(SourceNotFoundException.class)
    ModelAndView notFound() {
        return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
    }

    private String test(Model model, SourceForm form, Source editing, Credentials stored) {
        var parsed = form.parse(stored);
        if (!parsed.problems().isEmpty()) {
            return form(model, form, editing, allProblems(parsed));
        }
        try {
            model.addAttribute("preview", probe.probe(parsed.request(), editing == null ? null : editing.id()));
            return form(model, form, editing, List.of());
        } catch (InvalidSourceException e) {
            return form(model, form, editing, e.problems());
        } catch (SourceProbeException e) {
            model.addAttribute("probeFailure", e.getMessage());
            return form(model, form, editing, List.of());
        }
    }

    /** The problems the form could not read, and those of the rest of it. */
    private static List<FieldProblem> allProblems(SourceForm.Parsed parsed) {
        var all = new ArrayList<>(parsed.problems());
        all.addAll(Sources.problems(parsed.request(), parsed.request().credentials()));
        return all;
    }

    private String form(Model model, SourceForm form, Source editing, List<FieldProblem> problems) {
        var errors = new LinkedHashMap<String, String>();
        problems.forEach(problem -> errors.merge(problem.field(), problem.message(), (a, b) -> a + " " + b));
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", new TreeSet<>(SourceKinds.all()));
        model.addAttribute("credentialTypes", CredentialType.values());
        model.addAttribute("accessLevels", AccessLevel.values());
        model.addAttribute("personalDataClasses", PersonalData.values());
        model.addAttribute("fieldIds", fieldIds());
        return "source-form";
    }

    /** The form field each problem's field is shown next to, for the links of the summary. */
    private static Map<String, String> fieldIds() {
        return Map.ofEntries(
                Map.entry("name", "name"),
                Map.entry("kind", "kind"),
                Map.entry("url", "url"),
                Map.entry("schedule", "schedule"),
                Map.entry("credentials.type", "credentialType"),
                Map.entry("credentials.username", "username"),
                Map.entry("credentials.password", "password"),
                Map.entry("credentials.token", "token"),
                Map.entry("credentials.header", "header"),
                Map.entry("credentials.value", "keyValue"),
                Map.entry("credentials.tokenUrl", "tokenUrl"),
                Map.entry("credentials.clientId", "clientId"),
                Map.entry("credentials.clientSecret", "clientSecret"),
                Map.entry("politeness.maxRequestsPerSecond", "maxRequestsPerSecond"),
                Map.entry("politeness.pageSize", "pageSize"),
                Map.entry("defaults.orgUnit", "orgUnit"),
                Map.entry("defaults.ownerName", "ownerName"),
                Map.entry("defaults.ownerEmail", "ownerEmail"),
                Map.entry("defaults.accessLevel", "accessLevel"),
                Map.entry("defaults.personalData", "personalData"),
                Map.entry("limits.maxRecords", "maxRecords"),
                Map.entry("limits.maxDuration", "maxDurationSeconds"));
    }

    private Source found(String id) {
        return sources.find(id).orElseThrow(() -> new SourceNotFoundException(id));
    }

    /** The stored credentials of a source, or none when the key that sealed them is gone (to type again). */
    private Credentials stored(Source source) {
        if (!source.credentialsSet()) {
            return Credentials.NONE;
        }
        try {
            return sources.credentials(source.id());
        } catch (SecretBox.UnreadableSecretException e) {
            return Credentials.NONE;
        }
    }
}
