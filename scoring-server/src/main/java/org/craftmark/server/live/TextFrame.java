package org.craftmark.server.live;

import io.netty.buffer.Unpooled;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;

/**
 * A live frame encoded once: its JSON as UTF-8 bytes, shared by every screen it goes to. Vert.x's
 * public {@code textFrame(String)} would encode the text again for each socket; wrapping the same
 * bytes costs a small object per socket and no copy. (Netty releases each wrapper after the write,
 * which frees nothing of a heap array, so the bytes stay valid for the next socket.)
 */
record TextFrame(long seq, byte[] utf8) {
    static TextFrame of(long seq, JsonObject json) {
        return new TextFrame(seq, json.encode().getBytes(StandardCharsets.UTF_8));
    }

    WebSocketFrame toWebSocketFrame() {
        return new WebSocketFrameImpl(WebSocketFrameType.TEXT, Unpooled.wrappedBuffer(utf8), true);
    }
}
