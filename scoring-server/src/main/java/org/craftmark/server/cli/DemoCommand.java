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
            new DemoSimulation(server.services(), server.database(), DemoSeed.PANEL).start();
            System.out.printf("The season runs by itself (a step every %.1f s): judges mark the districts, which publish, "
                    + "finalize and advance into the city contest, which is marked in turn. Watch the big screens and the 公示 pages above.%n",
                    DemoSimulation.MILLIS_BETWEEN_STEPS / 1000.0);
        }
        Thread.currentThread().join();
        return 0;
    }
}
