package org.comptoir.connectors.fetch;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The DNS as harvests see it: every address a name resolves to must pass the network rules, so a
 * name that points (or starts pointing) to a refused address is refused when the connection is
 * made, whatever the URL said and wherever a redirect led.
 */
final class GuardedDnsResolver implements DnsResolver {
    private final NetworkRules rules;
    private final DnsResolver dns;

    GuardedDnsResolver(NetworkRules rules, DnsResolver dns) {
        this.rules = rules;
        this.dns = dns;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        rules.checkName(host);
        var addresses = dns.resolve(host);
        for (var address : addresses) {
            rules.checkAddress(host, address);
        }
        return addresses;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(resolve(host))
                .map(address -> new InetSocketAddress(address, port))
                .toList();
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return dns.resolveCanonicalHostname(host);
    }
}
