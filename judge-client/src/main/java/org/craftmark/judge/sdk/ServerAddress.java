package org.craftmark.judge.sdk;

import io.vertx.core.http.WebSocketConnectOptions;

import java.net.URI;
import java.util.Locale;

/** The server's base URL ({@code http://host:8080}, maybe behind a path), turned into request targets. */
record ServerAddress(boolean tls, String host, int port, String basePath) {

    static ServerAddress of(URI base) {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || base.getHost() == null) {
            throw new IllegalArgumentException("the server is an http:// or https:// URL, not " + base);
        }
        boolean tls = scheme.equals("https");
        int port = base.getPort() > 0 ? base.getPort() : tls ? 443 : 80;
        String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        String host = base.getHost().replaceAll("^\\[|]$", ""); // an IPv6 literal without its brackets
        return new ServerAddress(tls, host, port, path);
    }

    /** An absolute URL for an API path such as {@code /api/v1/auth/login}. */
    String url(String path) {
        return (tls ? "https" : "http") + "://" + hostForUrl() + ":" + port + basePath + path;
    }

    WebSocketConnectOptions webSocket(String pathAndQuery) {
        return new WebSocketConnectOptions()
                .setSsl(tls)
                .setHost(host)
                .setPort(port)
                .setURI(basePath + pathAndQuery);
    }

    private String hostForUrl() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
