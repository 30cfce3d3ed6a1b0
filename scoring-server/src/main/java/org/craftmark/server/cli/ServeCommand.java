package org.craftmark.server.cli;

import org.craftmark.server.Craftmark;
import org.craftmark.server.config.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code serve}: runs the server until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the Craftmark server.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ServerOptions options;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = options.toConfig(Path.of("data"), Optional.empty());
        Craftmark server = Craftmark.start(config, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "craftmark-shutdown"));
        System.out.printf("Craftmark is serving at %s (health: %s/health)%n", config.baseUrl(), config.baseUrl());
        Thread.currentThread().join();
        return 0;
    }
}
