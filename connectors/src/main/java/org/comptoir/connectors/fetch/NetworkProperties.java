package org.comptoir.connectors.fetch;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where harvests may connect and how long they wait for a source that asks them to
 * ({@code comptoir.harvest.network.*}); see the module's README for the table of settings. Link-local
 * and cloud-metadata addresses are always refused; see {@link NetworkRules}. Checked when bound: a
 * wrong value stops the application with the property's name.
 *
 * @param allowLoopback whether sources on this machine (127.0.0.0/8, ::1) may be harvested
 * @param allowPrivate whether sources on private networks (10/8, 172.16/12, 192.168/16, 100.64/10,
 *     fc00::/7) may be harvested: a city's sources often live on its internal network
 * @param deny address blocks (CIDR, e.g. {@code 10.20.0.0/16}) never harvested, whatever else says
 * @param allow address blocks harvested even when loopback, private or link-local addresses are
 *     refused (cloud-metadata addresses stay refused)
 * @param maxRetryWait the longest wait a source may ask for with {@code Retry-After}; a source asking
 *     for more fails the run with that reason instead of holding a worker
 * @param maxRedirects how many redirects one fetch follows
 */
@ConfigurationProperties("comptoir.harvest.network")
public record NetworkProperties(
        @DefaultValue("true") boolean allowLoopback,
        @DefaultValue("true") boolean allowPrivate,
        @DefaultValue List<String> deny,
        @DefaultValue List<String> allow,
        @DefaultValue("2m") Duration maxRetryWait,
        @DefaultValue("5") int maxRedirects) {

    public NetworkProperties {
        deny = List.copyOf(deny == null ? List.of() : deny);
        allow = List.copyOf(allow == null ? List.of() : allow);
        for (var block : deny) {
            Cidr.parse("comptoir.harvest.network.deny", block);
        }
        for (var block : allow) {
            Cidr.parse("comptoir.harvest.network.allow", block);
        }
        if (maxRetryWait == null || maxRetryWait.isNegative()) {
            throw new IllegalArgumentException(
                    "comptoir.harvest.network.max-retry-wait doit être une durée positive ou nulle");
        }
        if (maxRedirects < 0 || maxRedirects > 20) {
            throw new IllegalArgumentException(
                    "comptoir.harvest.network.max-redirects doit être entre 0 et 20 (reçu " + maxRedirects + ")");
        }
    }

    /** The defaults: loopback and private networks allowed, no list, two minutes, five redirects. */
    public static NetworkProperties defaults() {
        return new NetworkProperties(true, true, List.of(), List.of(), Duration.ofMinutes(2), 5);
    }
}
