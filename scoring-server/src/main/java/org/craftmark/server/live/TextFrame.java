package org.craftmark.server.live;

import io.netty.buffer.Unpooled;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.json.JsonObject;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A live frame encoded once: its JSON as UTF-8 bytes, shared by every screen it goes to. Vert.x's
 * public {@code textFrame(String)} would encode the text again for each socket. The bytes sit in
 * direct memory because Netty copies a heap buffer into a fresh direct one for every socket it is
 * written to (JFR at 10,000 screens: most of the fan-out's time went into allocating those copies);
 * a direct buffer is written as it is. Each socket gets a wrapper of its own that Netty releases
 * after the write; releasing a wrapper of a JDK buffer frees nothing, the garbage collector frees the
 * bytes once the frame is no longer referenced.
 */
record TextFrame(long seq, ByteBuffer utf8) {
    static TextFrame of(long seq, JsonObject json) {
        byte[] bytes = json.encode().getBytes(StandardCharsets.UTF_8);
        return new TextFrame(seq, ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer());
    }

    int size() {
        return utf8.remaining();
    }

    WebSocketFrame toWebSocketFrame() {
        return new WebSocketFrameImpl(WebSocketFrameType.TEXT, Unpooled.wrappedBuffer(utf8.duplicate()), true);
    }
}
