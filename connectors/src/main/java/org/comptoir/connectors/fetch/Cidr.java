package org.comptoir.connectors.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** A block of IPv4 or IPv6 addresses, such as {@code 10.0.0.0/8} or {@code fe80::/10}. */
record Cidr(String text, byte[] network, int prefix) {

    /**
     * Reads a block, or a single address (a /32 or /128).
     *
     * @param property the setting the block comes from, to name it in the error
     * @throws IllegalArgumentException naming {@code property} when {@code text} is not a block
     */
    static Cidr parse(String property, String text) {
        var value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        int slash = value.indexOf('/');
        var address = literal(slash < 0 ? value : value.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException(property + " : « " + text
                    + " » n'est pas un bloc d'adresses IP (par exemple 10.20.0.0/16 ou fd12::/16)");
        }
        var bytes = address.getAddress();
        int prefix;
        try {
            prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(value.substring(slash + 1));
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (prefix < 0 || prefix > bytes.length * 8) {
            throw new IllegalArgumentException(
                    property + " : « " + text + " » a une longueur de préfixe invalide (0 à " + bytes.length * 8 + ")");
        }
        return new Cidr(value, bytes, prefix);
    }

    boolean contains(InetAddress address) {
        var bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (bytes[full] & mask) == (network[full] & mask);
    }

    /**
     * The address an IP literal names, without asking the DNS: IPv6 (with a colon) or IPv4 in any of
     * the forms Java reads (dotted or a single number); null for a host name.
     */
    static InetAddress literal(String host) {
        if (host == null || host.isEmpty()) {
            return null;
        }
        var value = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean ipv6 = value.indexOf(':') >= 0
                && value.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        boolean ipv4 = value.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
        if (!ipv6 && !ipv4) {
            return null;
        }
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
