package org.craftmark.server.faults;

import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.TestDatabase;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A fresh MariaDB schema reached through a {@link TcpProxy}: the server's JDBC URL names the proxy. */
final class ProxiedDatabase {
    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:mysql://([^/:?]+)(?::(\\d+))?(/.*)?$");

    private ProxiedDatabase() {
    }

    /** The proxy in front of {@code direct}'s server. */
    static TcpProxy proxyFor(TestDatabase direct, FaultPlan plan) {
        Matcher m = matcher(direct);
        return TcpProxy.start(m.group(1), m.group(2) == null ? 3306 : Integer.parseInt(m.group(2)), plan);
    }

    /** {@code direct} with its URL pointed at the proxy; closing it drops the schema directly. */
    static TestDatabase through(TestDatabase direct, TcpProxy proxy) {
        Matcher m = matcher(direct);
        String url = "jdbc:mysql://127.0.0.1:" + proxy.port() + (m.group(3) == null ? "/" : m.group(3));
        return new TestDatabase(Backend.MYSQL, url, direct.user(), direct.password(), null, direct::close);
    }

    private static Matcher matcher(TestDatabase direct) {
        Matcher m = HOST_PORT.matcher(direct.jdbcUrl().orElseThrow());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:mysql://host[:port]/… URL: " + direct.url());
        }
        return m;
    }
}
