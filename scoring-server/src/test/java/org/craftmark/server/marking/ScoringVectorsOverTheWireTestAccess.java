package org.craftmark.server.marking;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import org.craftmark.server.testing.MarkingFixture;
import org.craftmark.server.testing.TestServer;

/** Lets other test packages mark an example the way {@link ScoringVectorsOverTheWireTest} does. */
public final class ScoringVectorsOverTheWireTestAccess {
    private ScoringVectorsOverTheWireTestAccess() {
    }

    public static void markConcurrently(TestServer server, Vertx vertx, MarkingFixture season, JsonNode example) throws Exception {
        ScoringVectorsOverTheWireTest.markConcurrently(server, vertx, season, example);
    }
}
