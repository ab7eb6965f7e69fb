package org.comptoir.web.feed;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the catalogue presents itself in the DCAT-AP feed.
 *
 * @param titleFr title of the catalogue in French ({@code COMPTOIR_CATALOG_TITLE_FR})
 * @param titleEn title in English ({@code COMPTOIR_CATALOG_TITLE_EN})
 * @param descriptionFr description in French ({@code COMPTOIR_CATALOG_DESCRIPTION_FR})
 * @param descriptionEn description in English ({@code COMPTOIR_CATALOG_DESCRIPTION_EN})
 * @param publisherName name of the authority publishing the catalogue ({@code COMPTOIR_CATALOG_PUBLISHER_NAME})
 * @param publisherIri IRI of that authority, the catalogue's {@code dct:publisher} ({@code
 *     COMPTOIR_CATALOG_PUBLISHER_IRI})
 * @param license IRI of the licence of the catalogue's metadata ({@code COMPTOIR_CATALOG_LICENSE})
 */
@Validated
@ConfigurationProperties("comptoir.catalog")
public record CatalogProperties(
        @NotBlank String titleFr,
        @NotBlank String titleEn,
        @NotBlank String descriptionFr,
        @NotBlank String descriptionEn,
        @NotBlank String publisherName,
        @NotBlank @Pattern(regexp = "https?://\\S+") String publisherIri,
        @NotBlank @Pattern(regexp = "https?://\\S+") String license) {}
