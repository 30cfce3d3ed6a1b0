package org.craftmark.server.cli;

import org.craftmark.server.Craftmark;
import org.craftmark.server.config.ServerConfig;
import org.craftmark.server.demo.DemoSeed;
import org.craftmark.server.demo.DemoSimulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code demo}: a server with a demo season seeded, for a first look. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run Craftmark with a demo season seeded on the embedded database; prints URLs and logins.")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    ServerOptions options;

    @Option(names = "--simulate", description = "Have simulated judges mark the demo contests live.")
    boolean simulate;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = options.toConfig(Path.of("data", "demo"), Optional.of(DemoSeed.ADMIN_PASSWORD));
        Craftmark server = Craftmark.start(config, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "craftmark-shutdown"));
        DemoSeed.Logins logins = new DemoSeed(server.services(), Clock.systemUTC()).seed();
        System.out.println(logins.describe(config.baseUrl(), config.adminPassword().orElse("(unchanged)")));
        if (simulate) {
            int marks = new DemoSimulation(server.services()).start(DemoSeed.PANEL);
            System.out.printf("Simulated judges are marking (%d marks, one every %.1f s). Watch %s/live/<eventId>%n",
                    marks, DemoSimulation.MILLIS_BETWEEN_MARKS / 1000.0, config.baseUrl());
        }
        Thread.currentThread().join();
        return 0;
    }
}
