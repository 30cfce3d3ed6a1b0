package org.craftmark.judge.sdk;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Callbacks for one kind of event; a failing callback is logged and never stops the client. */
final class Listeners<T> {
    private static final System.Logger LOG = System.getLogger(Listeners.class.getName());

    private final List<Consumer<? super T>> consumers = new CopyOnWriteArrayList<>();

    void add(Consumer<? super T> consumer) {
        consumers.add(Objects.requireNonNull(consumer, "listener"));
    }

    void fire(T event) {
        for (Consumer<? super T> consumer : consumers) {
            try {
                consumer.accept(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a judge client listener failed on " + event, e);
            }
        }
    }
}
