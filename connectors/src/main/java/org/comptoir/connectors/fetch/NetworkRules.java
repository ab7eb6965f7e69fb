package org.comptoir.connectors.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a harvest may connect. Cloud-metadata addresses and names ({@code 169.254.169.254},
 * {@code fd00:ec2::254}, {@code metadata.google.internal}...), unspecified and multicast addresses are
 * always refused; link-local addresses (169.254.0.0/16, fe80::/10) unless an allowed block names them;
 * loopback and private ranges are allowed unless the settings say otherwise ({@link
 * NetworkProperties}). An IPv4 address hidden in an IPv6 one (IPv4-mapped, IPv4-compatible, NAT64,
 * 6to4) is judged as itself.
 *
 * <p>The fetcher applies the rules to every address the DNS answers, for the first request and for
 * every redirect; {@link #check(URI)} applies them to an address as typed, to refuse a source at
 * registration.
 */
public final class NetworkRules {
    private static final Set<String> METADATA_NAMES = Set.of(
            "metadata.google.internal", "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal");
    private static final List<Cidr> METADATA = blocks(
            "169.254.169.254", "169.254.170.2", "169.254.169.123", "fd00:ec2::254", "fd00:ec2::23", "100.100.100.200");
    private static final List<Cidr> UNROUTABLE =
            blocks("0.0.0.0/8", "::/128", "224.0.0.0/4", "255.255.255.255", "ff00::/8");
    private static final List<Cidr> LINK_LOCAL = blocks("169.254.0.0/16", "fe80::/10");
    private static final List<Cidr> LOOPBACK = blocks("127.0.0.0/8", "::1/128");
    private static final List<Cidr> PRIVATE =
            blocks("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7");
    private static final Cidr NAT64 = Cidr.parse("nat64", "64:ff9b::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("6to4", "2002::/16");

    private final NetworkProperties properties;
    private final List<Cidr> deny;
    private final List<Cidr> allow;

    public NetworkRules(NetworkProperties properties) {
        this.properties = properties;
        this.deny = properties.deny().stream()
                .map(block -> Cidr.parse("comptoir.harvest.network.deny", block))
                .toList();
        this.allow = properties.allow().stream()
                .map(block -> Cidr.parse("comptoir.harvest.network.allow", block))
                .toList();
    }

    /** The rules of the default settings. */
    public static NetworkRules defaults() {
        return new NetworkRules(NetworkProperties.defaults());
    }

    /**
     * Checks a source's address as typed, without asking the DNS: its host must not be a
     * cloud-metadata name, and an IP literal must pass the rules. A host name that resolves to a
     * refused address is caught when the harvest connects.
     *
     * @throws ForbiddenAddressException naming the host and the rule
     */
    public void check(URI uri) {
        var host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new ForbiddenAddressException("l'adresse " + uri + " ne nomme pas de serveur");
        }
        checkName(host);
        var literal = Cidr.literal(host);
        if (literal != null) {
            checkAddress(host, literal);
        }
    }

    /**
     * Checks a host name before it is resolved.
     *
     * @throws ForbiddenAddressException when it names a cloud-metadata service
     */
    public void checkName(String host) {
        if (METADATA_NAMES.contains(normalised(host))) {
            throw refused(host, null, "nom d'un service de métadonnées du nuage (règle fixe)");
        }
    }

    /**
     * Checks one address {@code host} resolved to.
     *
     * @throws ForbiddenAddressException naming the host, the address and the rule
     */
    public void checkAddress(String host, InetAddress address) {
        var reason = refusal(address);
        var embedded = embeddedIpv4(address);
        if (reason == null && embedded != null) {
            reason = refusal(embedded);
        }
        if (reason != null) {
            throw refused(host, address, reason);
        }
    }

    private String refusal(InetAddress address) {
        var metadata = find(METADATA, address);
        if (metadata != null) {
            return "adresse d'un service de métadonnées du nuage (règle fixe)";
        }
        var unroutable = find(UNROUTABLE, address);
        if (unroutable != null) {
            return "adresse non routable ou de multidiffusion " + unroutable + " (règle fixe)";
        }
        var denied = find(deny, address);
        if (denied != null) {
            return "bloc " + denied + " refusé par comptoir.harvest.network.deny";
        }
        if (find(allow, address) != null) {
            return null;
        }
        var linkLocal = find(LINK_LOCAL, address);
        if (linkLocal != null) {
            return "adresse lien-local " + linkLocal + " (refusée sauf si comptoir.harvest.network.allow la nomme)";
        }
        if (find(LOOPBACK, address) != null && !properties.allowLoopback()) {
            return "adresse de boucle locale, refusée par comptoir.harvest.network.allow-loopback=false";
        }
        var privateBlock = find(PRIVATE, address);
        if (privateBlock != null && !properties.allowPrivate()) {
            return "réseau privé " + privateBlock + ", refusé par comptoir.harvest.network.allow-private=false";
        }
        return null;
    }

    /** The IPv4 address an IPv6 one carries (IPv4-compatible, NAT64, 6to4), or null. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address v6) || v6.isLoopbackAddress() || v6.isAnyLocalAddress()) {
            return null;
        }
        var bytes = v6.getAddress();
        byte[] v4 = null;
        if (v6.isIPv4CompatibleAddress() || NAT64.contains(v6)) {
            v4 = Arrays.copyOfRange(bytes, 12, 16);
        } else if (SIX_TO_FOUR.contains(v6)) {
            v4 = Arrays.copyOfRange(bytes, 2, 6);
        }
        if (v4 == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    private static Cidr find(List<Cidr> blocks, InetAddress address) {
        for (var block : blocks) {
            if (block.contains(address)) {
                return block;
            }
        }
        return null;
    }

    private static ForbiddenAddressException refused(String host, InetAddress address, String rule) {
        var ip = address == null ? "" : address.getHostAddress();
        var named = address == null || ip.equals(host) || ("[" + ip + "]").equals(host) ? host : host + " (" + ip + ")";
        return new ForbiddenAddressException("connexion refusée à " + named + " : " + rule);
    }

    private static String normalised(String host) {
        var value = host.strip().toLowerCase(Locale.ROOT);
        return value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
    }

    private static List<Cidr> blocks(String... texts) {
        return Arrays.stream(texts).map(text -> Cidr.parse("rules", text)).toList();
    }
}
