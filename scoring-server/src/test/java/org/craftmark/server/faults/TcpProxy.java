package org.craftmark.server.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on loopback between a client and a server (tablets and /ws/judge, the server and
 * MariaDB) that misbehaves like a venue network: it delays chunks, drops connections, resets them
 * in the middle of a chunk (so in the middle of a WebSocket frame or a SQL packet), leaves them
 * half-open (open, but nothing gets through), and on demand stalls everything or cuts everything.
 *
 * <p>Plain blocking sockets, two virtual threads per connection (one per direction): a proxy that
 * holds a chunk back simply parks its thread.
 */
public final class TcpProxy implements AutoCloseable {
    /** What the proxy did to the traffic, counted. */
    public enum Fault { DELAY, DROP, RESET, HALF_OPEN, STALLED, CUT }

    private enum Mode { PASS, STALL, CUT }

    private static final int CHUNK = 4096;

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final FaultPlan plan;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final Map<Fault, AtomicLong> faults = new EnumMap<>(Fault.class);
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Mode mode = Mode.PASS;
    private volatile boolean injecting;
    private volatile boolean closed;

    private TcpProxy(ServerSocket listener, InetSocketAddress target, FaultPlan plan) {
        this.listener = listener;
        this.target = target;
        this.plan = plan;
        for (Fault fault : Fault.values()) {
            faults.put(fault, new AtomicLong());
        }
        this.injecting = plan != FaultPlan.NONE;
    }

    /** Listens on a free loopback port and forwards to {@code host:port}. */
    public static TcpProxy start(String host, int port, FaultPlan plan) {
        try {
            ServerSocket listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
            TcpProxy proxy = new TcpProxy(listener, new InetSocketAddress(host, port), plan);
            Thread.ofVirtual().name("proxy-accept-" + listener.getLocalPort()).start(proxy::accept);
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the proxy's port", e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Forwards again (stalled chunks go on); seeded faults resume if the plan has any. */
    public void pass() {
        mode = Mode.PASS;
    }

    /** Nothing gets through in either direction, but every connection stays open: a hung network. */
    public void stall() {
        mode = Mode.STALL;
        faults.get(Fault.STALLED).incrementAndGet();
    }

    /** Resets every open connection, and every new one as soon as it is accepted, until {@link #pass()}. */
    public void cut() {
        mode = Mode.CUT;
        faults.get(Fault.CUT).incrementAndGet();
        links.forEach(Link::reset);
    }

    /** Stops the seeded faults (stall and cut still obey); the traffic from now on flows clean. */
    public void stopInjecting() {
        injecting = false;
    }

    public long count(Fault fault) {
        return faults.get(fault).get();
    }

    /** Every seeded fault injected so far (delays, drops, resets, half-open connections). */
    public long injected() {
        return count(Fault.DELAY) + count(Fault.DROP) + count(Fault.RESET) + count(Fault.HALF_OPEN);
    }

    public int connections() {
        return connections.get();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        links.forEach(Link::reset);
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                int n = connections.incrementAndGet();
                Thread.ofVirtual().name("proxy-link-" + n).start(() -> open(client, n));
            } catch (IOException e) {
                if (!closed) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
                }
            }
        }
    }

    private void open(Socket client, int n) {
        if (mode == Mode.CUT) {
            Link.resetQuietly(client);
            return;
        }
        Socket server = new Socket();
        try {
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            server.connect(target, 5_000);
        } catch (IOException e) {
            Link.resetQuietly(client);
            Link.resetQuietly(server);
            return;
        }
        Random random = new Random(plan.seed() * 1_000_003L + n);
        Link link = new Link(client, server, plan.breaks() ? 1 + random.nextInt(plan.breakAfter()) : Integer.MAX_VALUE, random);
        links.add(link);
        Thread.ofVirtual().start(() -> link.pump(client, server));
        Thread.ofVirtual().start(() -> link.pump(server, client));
    }

    /** One proxied connection; its two pumps share the countdown to its seeded break. */
    private final class Link {
        private final Socket client;
        private final Socket server;
        private final Random random;
        private int chunksLeft;
        private volatile boolean halfOpen;

        Link(Socket client, Socket server, int chunksBeforeBreak, Random random) {
            this.client = client;
            this.server = server;
            this.chunksLeft = chunksBeforeBreak;
            this.random = random;
        }

        void pump(Socket from, Socket to) {
            byte[] buffer = new byte[CHUNK];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) != -1) {
                    awaitUnstalled();
                    if (halfOpen) {
                        continue; // swallowed: the peer waits for an answer that never comes
                    }
                    if (!forward(buffer, read, out)) {
                        return;
                    }
                }
                to.shutdownOutput(); // a clean close travels on as one
            } catch (IOException e) {
                reset();
            } finally {
                if (client.isClosed() && server.isClosed()) {
                    links.remove(this);
                }
            }
        }

        /** False once this link is broken. */
        private boolean forward(byte[] buffer, int read, OutputStream out) throws IOException {
            Fault fault = injecting ? draw() : null;
            if (fault == Fault.DELAY) {
                faults.get(Fault.DELAY).incrementAndGet();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1 + random(plan.maxDelay().toMillis())));
            } else if (fault == Fault.DROP) {
                faults.get(Fault.DROP).incrementAndGet();
                closeQuietly(client);
                closeQuietly(server);
                return false;
            } else if (fault == Fault.RESET) {
                faults.get(Fault.RESET).incrementAndGet();
                out.write(buffer, 0, read / 2); // half a frame reaches the peer, then the connection is gone
                out.flush();
                reset();
                return false;
            } else if (fault == Fault.HALF_OPEN) {
                faults.get(Fault.HALF_OPEN).incrementAndGet();
                halfOpen = true;
                Thread.ofVirtual().start(() -> {
                    LockSupport.parkNanos(plan.halfOpenFor().toNanos());
                    reset();
                });
                return true;
            }
            out.write(buffer, 0, read);
            out.flush();
            return true;
        }

        /** The seeded fault for this chunk, if any; a break ends the link's countdown. */
        private synchronized Fault draw() {
            if (--chunksLeft == 0) {
                return switch (random.nextInt(3)) {
                    case 0 -> Fault.DROP;
                    case 1 -> Fault.RESET;
                    default -> Fault.HALF_OPEN;
                };
            }
            return random.nextDouble() < plan.delay() ? Fault.DELAY : null;
        }

        private synchronized long random(long bound) {
            return bound <= 0 ? 0 : random.nextLong(bound);
        }

        /** Parks while the proxy is stalled: a bounded poll on the mode, not a timing wait. */
        private void awaitUnstalled() throws IOException {
            while (mode == Mode.STALL && !closed) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
            if (mode == Mode.CUT || closed) {
                throw new IOException("cut");
            }
        }

        void reset() {
            resetQuietly(client);
            resetQuietly(server);
            links.remove(this);
        }

        /** SO_LINGER 0: the close sends RST, as a crashed router or a dropped NAT entry does. */
        static void resetQuietly(Socket socket) {
            try {
                if (!socket.isClosed()) {
                    socket.setSoLinger(true, 0);
                    socket.close();
                }
            } catch (IOException e) {
                // Already gone.
            }
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // Already gone.
            }
        }
    }
}
