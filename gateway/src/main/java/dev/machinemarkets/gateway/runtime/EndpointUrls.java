package dev.machinemarkets.gateway.runtime;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Rules for a runtime endpoint's base URL and what can be told from it. */
public final class EndpointUrls {

    private EndpointUrls() {
    }

    /**
     * An http or https URL reduced to scheme://host[:port]: path, query and fragment are dropped.
     * Empty when the text is not such a URL.
     */
    public static Optional<URI> normalize(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(new URI(scheme, null, uri.getHost().toLowerCase(Locale.ROOT), uri.getPort(), null, null, null));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The network scope a host suggests when the client does not say: loopback, private (lan) or public. */
    public static NetworkScope scopeOf(URI url) {
        String host = url.getHost();
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return NetworkScope.LOOPBACK;
        }
        if (!isIpLiteral(host)) {
            return host.endsWith(".local") || host.endsWith(".lan") || !host.contains(".") ? NetworkScope.LAN : NetworkScope.PUBLIC;
        }
        try {
            InetAddress address = InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
            if (address.isLoopbackAddress()) {
                return NetworkScope.LOOPBACK;
            }
            if (address.isSiteLocalAddress() || address.isLinkLocalAddress()) {
                return NetworkScope.LAN;
            }
            return NetworkScope.PUBLIC;
        } catch (java.net.UnknownHostException e) {
            return NetworkScope.PUBLIC;
        }
    }

    private static boolean isIpLiteral(String host) {
        return host.startsWith("[") || host.matches("^[0-9.]+$");
    }
}
