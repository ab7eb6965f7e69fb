package org.comptoir.connectors.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkRulesTests {
    private final NetworkRules defaults = NetworkRules.defaults();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://169.254.169.254/latest/meta-data/",
                "http://[fd00:ec2::254]/latest/meta-data/",
                "http://metadata.google.internal/computeMetadata/v1/",
                "http://METADATA.google.internal./computeMetadata/v1/",
                "http://100.100.100.200/latest/meta-data/",
                "http://2852039166/latest/meta-data/",
                "http://[::ffff:169.254.169.254]/",
                "http://[64:ff9b::a9fe:a9fe]/"
            })
    void refusesCloudMetadataAddressesHoweverWritten(String url) {
        assertThatThrownBy(() -> defaults.check(URI.create(url)))
                .isInstanceOf(ForbiddenAddressException.class)
                .hasMessageContaining("métadonnées du nuage");
    }

    @Test
    void refusesLinkLocalAddressesNamingTheHostAndTheRule() {
        assertThatThrownBy(() -> defaults.check(URI.create("http://169.254.10.20:8080/catalog")))
                .hasMessage("connexion refusée à 169.254.10.20 : adresse lien-local 169.254.0.0/16 "
                        + "(refusée sauf si comptoir.harvest.network.allow la nomme)");
        assertThatThrownBy(() -> defaults.checkAddress("capteurs.ville.example", InetAddress.getByName("fe80::1")))
                .hasMessageContaining("capteurs.ville.example (fe80:0:0:0:0:0:0:1)")
                .hasMessageContaining("lien-local fe80::/10");
    }

    @Test
    void refusesWhatWouldReachThisMachineUnderAnotherName() {
        assertThatThrownBy(() -> defaults.check(URI.create("http://0.0.0.0:8080/")))
                .hasMessageContaining("non routable");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080/catalog",
                "http://[::1]/catalog",
                "http://10.1.2.3/geonetwork/srv/fre/csw",
                "http://192.168.1.20/ckan",
                "http://172.20.0.5/",
                "https://data.grandlyon.com/catalogue",
                "http://sig.ville.example/arcgis/rest/services"
            })
    void allowsLoopbackPrivateAndPublicAddressesByDefault(String url) {
        assertThatCode(() -> defaults.check(URI.create(url))).doesNotThrowAnyException();
    }

    @Test
    void refusesLoopbackAndPrivateRangesWhenConfiguredTo() throws Exception {
        var strict =
                new NetworkRules(new NetworkProperties(false, false, List.of(), List.of(), Duration.ofMinutes(2), 5));

        assertThatThrownBy(() -> strict.checkAddress("localhost", InetAddress.getByName("127.0.0.1")))
                .hasMessage("connexion refusée à localhost (127.0.0.1) : adresse de boucle locale, refusée par "
                        + "comptoir.harvest.network.allow-loopback=false");
        assertThatThrownBy(() -> strict.check(URI.create("http://10.1.2.3/csw")))
                .hasMessageContaining("réseau privé 10.0.0.0/8")
                .hasMessageContaining("allow-private=false");
        assertThatThrownBy(() -> strict.check(URI.create("http://[fd12:3456::1]/")))
                .hasMessageContaining("réseau privé fc00::/7");
    }

    @Test
    void appliesTheDenyListFirstAndTheAllowListBeforeTheRanges() throws Exception {
        var rules = new NetworkRules(new NetworkProperties(
                false,
                true,
                List.of("10.20.0.0/16"),
                List.of("127.0.0.1", "169.254.7.0/24", "169.254.169.254/32"),
                Duration.ofMinutes(2),
                5));

        assertThatThrownBy(() -> rules.check(URI.create("http://10.20.3.4/")))
                .hasMessageContaining("bloc 10.20.0.0/16 refusé par comptoir.harvest.network.deny");
        assertThatCode(() -> rules.check(URI.create("http://10.21.3.4/"))).doesNotThrowAnyException();
        assertThatCode(() -> rules.check(URI.create("http://127.0.0.1/"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> rules.check(URI.create("http://127.0.0.2/"))).hasMessageContaining("boucle locale");
        assertThatCode(() -> rules.checkAddress("passerelle-lora", InetAddress.getByName("169.254.7.9")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> rules.check(URI.create("http://169.254.169.254/")))
                .hasMessageContaining("métadonnées du nuage");
    }

    @Test
    void refusesASettingThatIsNotABlockNamingTheProperty() {
        assertThatThrownBy(() -> new NetworkProperties(
                        true, true, List.of("intranet.ville.example"), List.of(), Duration.ofMinutes(2), 5))
                .hasMessageContaining("comptoir.harvest.network.deny")
                .hasMessageContaining("intranet.ville.example");
        assertThatThrownBy(() ->
                        new NetworkProperties(true, true, List.of(), List.of("10.0.0.0/33"), Duration.ofMinutes(2), 5))
                .hasMessageContaining("comptoir.harvest.network.allow")
                .hasMessageContaining("préfixe");
    }

    @Test
    void neverAsksTheDnsToCheckATypedAddress() {
        assertThat(Cidr.literal("bad.cafe")).isNull();
        assertThat(Cidr.literal("data.example")).isNull();
        assertThat(Cidr.literal("[::1]")).isNotNull();
    }
}
