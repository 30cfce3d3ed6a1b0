package org.craftmark.server.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.craftmark.server.config.ClusterSettings;

import java.util.List;

/**
 * A Vert.x joined to the other nodes over Hazelcast: TCP/IP members at the configured addresses,
 * no multicast and no cloud auto-detection, so a node only ever joins the nodes it was told about.
 */
public final class ClusteredVertx {
    private ClusteredVertx() {
    }

    /** A node in the cluster: its Vert.x and its id among the nodes. */
    public record Node(Vertx vertx, String nodeId) {
    }

    /** Builds a clustered Vert.x; returns once this node has joined (or formed) the cluster. */
    public static Node start(VertxBuilder builder, VertxOptions options, ClusterSettings cluster) {
        options.getEventBusOptions().setHost(cluster.host()).setPort(0);
        HazelcastClusterManager manager = new HazelcastClusterManager(hazelcast(cluster));
        Vertx vertx = builder.with(options).withClusterManager(manager).buildClustered().await();
        return new Node(vertx, manager.getNodeId());
    }

    /** Vert.x's own Hazelcast settings (the maps its event bus needs), with our network in place of multicast. */
    static Config hazelcast(ClusterSettings cluster) {
        Config config = ConfigUtil.loadConfig();
        config.setClusterName(cluster.name());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        // Our shutdown hook closes Vert.x, which leaves the cluster; Hazelcast's own would race it.
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        // Members are listed, not discovered: no need to wait for more to show up before joining.
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(cluster.port()).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface(cluster.host());
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members().isEmpty()
                ? List.of(cluster.host() + ":" + cluster.port()) : cluster.members());
        return config;
    }
}
