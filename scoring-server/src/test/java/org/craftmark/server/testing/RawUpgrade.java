package org.craftmark.server.testing;

import io.vertx.core.json.JsonObject;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A WebSocket upgrade over a plain socket, as a crowd of phones would send it: the test reads a
 * refusal's status, headers and body (a WebSocket client hides them), and can drop an upgraded
 * connection the way a phone leaving the hall does, with no close frame (a TCP reset).
 */
public final class RawUpgrade implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 60_000;

    private final Socket socket;
    private final int status;
    private final Map<String, String> headers;
    private final String body;

    private RawUpgrade(Socket socket, int status, Map<String, String> headers, String body) {
        this.socket = socket;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /** Sends the upgrade for {@code pathAndQuery} (e.g. {@code /ws/live?eventId=7}) and reads the answer's head. */
    public static RawUpgrade attempt(int port, String pathAndQuery) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String[] head = readHead(in).split("\r\n");
            int status = Integer.parseInt(head[0].split(" ")[1]);
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).strip());
            }
            String body = status == 101 ? "" : new String(in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0"))),
                    StandardCharsets.UTF_8);
            if (status != 101) {
                socket.close();
            }
            return new RawUpgrade(socket, status, headers, body);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException("upgrade of " + pathAndQuery + " got no answer", e);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head.size() + " bytes of the answer");
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII).strip();
    }

    public boolean upgraded() {
        return status == 101;
    }

    public int status() {
        return status;
    }

    /** A header of the answer, by case-insensitive name; null when absent. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String body() {
        return body;
    }

    /** The refusal's {@code error} object (code, message, details). */
    public JsonObject error() {
        return new JsonObject(body).getJsonObject("error");
    }

    /** Drops the connection with a TCP reset: no close frame, as when a phone's network goes. */
    public void drop() {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // Closed already: nothing to drop.
        }
        closeQuietly(socket);
    }

    /** Leaves as a page does: a close frame (masked, empty, as a client must send it), then the connection closed. */
    @Override
    public void close() {
        if (upgraded() && !socket.isClosed()) {
            try {
                socket.getOutputStream().write(new byte[] {(byte) 0x88, (byte) 0x80, 0, 0, 0, 0});
            } catch (IOException e) {
                // The server closed first: the connection is going anyway.
            }
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing left to free.
        }
    }
}
