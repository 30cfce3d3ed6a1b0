package org.craftmark.server.config;

import java.util.List;

/**
 * How a node joins the others ({@code serve --cluster}): Hazelcast members found over TCP/IP at
 * fixed addresses (no multicast: halls' networks drop it, and a stray laptop must not join).
 *
 * @param enabled whether this node joins a cluster at all
 * @param name    the cluster's name: only nodes of the same name join each other
 * @param host    this node's address for cluster traffic (Hazelcast and the event bus)
 * @param port    this node's Hazelcast port
 * @param members the other nodes' {@code host:port}, this one may be among them
 */
public record ClusterSettings(boolean enabled, String name, String host, int port, List<String> members) {
    public static final int DEFAULT_PORT = 5701;
    public static final String DEFAULT_NAME = "craftmark";
    public static final ClusterSettings OFF = new ClusterSettings(false, DEFAULT_NAME, "127.0.0.1", DEFAULT_PORT, List.of());

    public ClusterSettings {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the cluster port must be 1–65535, not " + port);
        }
        name = name == null || name.isBlank() ? DEFAULT_NAME : name;
        host = host == null || host.isBlank() ? "127.0.0.1" : host;
        members = List.copyOf(members);
    }
}
