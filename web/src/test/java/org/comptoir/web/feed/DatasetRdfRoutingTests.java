package org.comptoir.web.feed;

import static org.comptoir.catalog.Fixtures.aDataset;
import static org.comptoir.catalog.Fixtures.governance;
import static org.comptoir.catalog.Fixtures.openGovernance;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.jena.rdf.model.ModelFactory;
import org.comptoir.catalog.dataset.AccessLevel;
import org.comptoir.catalog.dataset.Dataset;
import org.comptoir.catalog.dataset.DatasetKind;
import org.comptoir.catalog.dataset.Datasets;
import org.comptoir.catalog.dataset.Governance;
import org.comptoir.catalog.dataset.PersonalData;
import org.comptoir.catalog.dataset.PublicationStatus;
import org.comptoir.catalog.dataset.StoredDataset;
import org.comptoir.catalog.rdf.DatasetGraphs;
import org.comptoir.catalog.rdf.DatasetRdf;
import org.comptoir.catalog.rdf.LocalIris;
import org.comptoir.web.PublicBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A dataset IRI serves people and machines from two handlers: the HTML page (mapped like the
 * screens map it) for browsers, the RDF for an RDF {@code Accept} or a suffix.
 */
class DatasetRdfRoutingTests {
    private final String id = UUID.randomUUID().toString();
    private final String restricted = UUID.randomUUID().toString();
    private MockMvc mvc;

    /** Stands for the dataset page of the screens: same path pattern, HTML only. */
    @Controller
    static class HtmlPage {
        @GetMapping(path = "/datasets/{id:[0-9a-f-]{36}}", produces = MediaType.TEXT_HTML_VALUE)
        @ResponseBody
        String page(@PathVariable String id) {
            return "<html>" + id + "</html>";
        }
    }

    @BeforeEach
    void routes() {
        var datasets = mock(Datasets.class);
        stub(datasets, id, openGovernance());
        stub(
                datasets,
                restricted,
                governance(AccessLevel.RESTRICTED, PersonalData.PERSONAL, PublicationStatus.PUBLISHED));
        var feed = new CatalogFeed(
                datasets,
                new CatalogProperties("t", "t", "d", "d", "p", "https://p.example/", "https://p.example/licence"));
        mvc = MockMvcBuilders.standaloneSetup(new HtmlPage(), new DatasetRdfController(feed, new PublicBase("")))
                .setControllerAdvice(new FeedProblems())
                .build();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void stub(Datasets datasets, String id, Governance governance) {
        var model = ModelFactory.createDefaultModel();
        var description = aDataset().build();
        DatasetRdf.write(model, LocalIris.dataset(id), DatasetKind.DATASET, description, governance);
        when(datasets.find(id))
                .thenReturn(Optional.of(new StoredDataset(
                        new Dataset(id, 1, DatasetKind.DATASET, description, governance, null),
                        DatasetGraphs.toNTriples(model),
                        null)));
    }

    @Test
    void theAuthoritysOwnUsersReadAClosedDatasetWithItsOwnerButThePublicDoesNot() throws Exception {
        mvc.perform(get("/datasets/" + restricted + ".ttl")).andExpect(status().isNotFound());

        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "cdo", null, List.of(new SimpleGrantedAuthority("ROLE_CDO"))));

        mvc.perform(get("/datasets/" + restricted + ".ttl"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Camille Durand")));
    }

    @Test
    void aPartnerIsThePublicForTheFeed() throws Exception {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "partner", null, List.of(new SimpleGrantedAuthority("ROLE_PARTNER"))));

        mvc.perform(get("/datasets/" + restricted).accept("text/turtle")).andExpect(status().isNotFound());
        mvc.perform(get("/datasets/" + id).accept("text/turtle"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Camille Durand"))));
    }

    @Test
    void browsersGetThePage() throws Exception {
        mvc.perform(get("/datasets/" + id).accept("text/html,application/xhtml+xml,*/*;q=0.8"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
    }

    @Test
    void rdfClientsGetTheDescriptionInTheSyntaxTheyAskFor() throws Exception {
        mvc.perform(get("/datasets/" + id).accept("text/turtle"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/turtle;charset=UTF-8"))
                .andExpect(header().string("Vary", "Accept"));
        mvc.perform(get("/datasets/" + id).accept("application/ld+json, text/html;q=0.5"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/ld+json;charset=UTF-8"));
    }

    @Test
    void aSuffixGivesTheDescriptionWhateverTheAcceptHeader() throws Exception {
        for (var accept : new String[] {"text/html", "*/*"}) {
            mvc.perform(get("/datasets/" + id + ".rdf").accept(accept))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "application/rdf+xml;charset=UTF-8"));
        }
    }

    @Test
    void anUnknownDatasetIsANotFoundProblem() throws Exception {
        var unknown = UUID.randomUUID();
        mvc.perform(get("/datasets/" + unknown).accept("text/turtle"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/datasets/" + unknown + ".ttl"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
