package org.comptoir.catalog.search.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ElasticsearchServerIntegrationTests {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsOneHealthyServerPerJvm() throws Exception {
        var url = ElasticsearchServer.url();

        var health = http.send(
                HttpRequest.newBuilder(URI.create(url + "/_cluster/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).containsPattern("\"status\":\"(green|yellow)\"");
        assertThat(ElasticsearchServer.url()).isEqualTo(url);
    }

    @Test
    void runsWithoutTheLanguageAnalyzersSoTheApplicationAnalysesFrench() throws Exception {
        var analyze = HttpRequest.newBuilder(URI.create(ElasticsearchServer.url() + "/_analyze"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"analyzer\":\"whitespace\",\"text\":\"batiment eclairag\"}"))
                .build();

        var response = http.send(analyze, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"token\":\"batiment\"", "\"token\":\"eclairag\"");
    }
}
