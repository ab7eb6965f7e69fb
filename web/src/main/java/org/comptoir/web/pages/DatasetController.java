package org.comptoir.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.comptoir.catalog.dataset.Audience;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.dataset.StoredDataset;
import org.comptoir.web.PublicBase;
import org.comptoir.web.security.Viewers;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page of one dataset, the HTML its IRI dereferences to for a browser (the feed answers RDF
 * requests at the same address). A dataset the visitor may not see does not exist for them: 404.
 */
@Controller
class DatasetController {
    private final Datasets datasets;
    private final PublicBase publicBase;

    DatasetController(Datasets datasets, PublicBase publicBase) {
        this.datasets = datasets;
        this.publicBase = publicBase;
    }

    @GetMapping(path = "/datasets/{id:[0-9a-f-]{36}}", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView dataset(
            @PathVariable String id, Authentication authentication, Locale locale, HttpServletRequest request) {
        var audience = Viewers.audience(authentication);
        var found = datasets.find(id)
                .map(StoredDataset::dataset)
                .filter(dataset -> audience == Audience.INTERNAL || dataset.isOpen());
        if (found.isEmpty()) {
            return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
        }
        var dataset = found.get();
        var iri = publicBase.datasetIri(request, dataset.id());
        var page = new ModelAndView("dataset");
        page.addObject("dataset", new DatasetViews(locale).page(dataset, iri, audience));
        page.addObject("jsonLd", SchemaOrgDataset.of(dataset, iri, locale.getLanguage()));
        return page;
    }
}
