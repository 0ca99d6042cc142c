package org.citelens.crawl;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Keeps the crawler off the machine it runs on and off its network: loopback, private (RFC 1918, fc00::/7,
 * 100.64.0.0/10 carrier-grade NAT), link-local (169.254/16, fe80::/10, where cloud metadata services live),
 * wildcard and multicast addresses are refused unless the run explicitly allows loopback or private ranges.
 * Every address a name resolves to must pass, so a name with one public and one private address is refused.
 */
public final class AddressGuard implements UrlRule {
    private final boolean allowLoopback;
    private final boolean allowPrivate;

    public AddressGuard(boolean allowLoopback, boolean allowPrivate) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
    }

    /** Empty when every address of the URL's host may be fetched. */
    @Override
    public Optional<Refusal> check(String url) {
        return checkHost(URI.create(url).getHost());
    }

    /** Empty when every address of {@code host} may be fetched. */
    public Optional<Refusal> checkHost(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return refused("unknown host " + host);
        }
        for (InetAddress a : addresses) {
            String why = rejection(a);
            if (why != null) return refused("address " + a.getHostAddress() + " of " + host + " is " + why);
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refused(String reason) {
        return Optional.of(new Refusal(Kind.ADDRESS, reason));
    }

    String rejection(InetAddress a) {
        if (a.isLoopbackAddress())
            return allowLoopback || allowPrivate ? null : "loopback (pass --allow-loopback to crawl it)";
        if (a.isAnyLocalAddress() || a.isMulticastAddress()) return "not a unicast host address";
        if (allowPrivate) return null;
        if (a.isLinkLocalAddress()) return "link-local (pass --allow-private to crawl it)";
        if (a.isSiteLocalAddress() || isUniqueLocal(a) || isCarrierGradeNat(a)) {
            return "private (pass --allow-private to crawl it)";
        }
        return null;
    }

    private static boolean isUniqueLocal(InetAddress a) {
        return a instanceof Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc;
    }

    private static boolean isCarrierGradeNat(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }
}
