package org.comptoir.catalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentityKeysTests {
    @Test
    void writesTheSameAddressOneWayWhateverItsCaseOrTrailingSlash() {
        assertThat(IdentityKeys.normalise("HTTPS://Data.Ville.EXAMPLE:443/Jeux/Arbres/#carte"))
                .isEqualTo("https://data.ville.example/Jeux/Arbres");
        assertThat(IdentityKeys.normalise(" http://data.ville.example:80/ ")).isEqualTo("http://data.ville.example");
        assertThat(IdentityKeys.normalise("https://geo.ville.example:8443/wms/?SERVICE=WMS&layers=Voirie"))
                .isEqualTo("https://geo.ville.example:8443/wms?SERVICE=WMS&layers=Voirie");
    }

    @Test
    void keepsAnIdentifierThatIsNotAWebAddressAsItIs() {
        assertThat(IdentityKeys.normalise(" DGFIP-2024-017 ")).isEqualTo("DGFIP-2024-017");
        assertThat(IdentityKeys.normalise("urn:uuid:5e1f0c3a-Ab")).isEqualTo("urn:uuid:5e1f0c3a-Ab");
        assertThat(IdentityKeys.normalise("pas une url {}")).isEqualTo("pas une url {}");
    }
}
