package org.craftmark.server.entries;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.craftmark.core.contest.EntryStatus;
import org.craftmark.server.auth.AuthService;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.http.Blocking;
import org.craftmark.server.http.Json;
import org.craftmark.server.http.JsonInput;
import org.craftmark.server.http.PathParams;
import org.craftmark.server.http.Reply;
import org.craftmark.server.http.Routes;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;

/** {@code /api/v1/events/{id}/entries}, the CSV import, and {@code /api/v1/entries/{id}/status|time}. */
public final class EntryHandlers implements Routes {
    /** The import path has a literal colon, which Vert.x's path syntax would read as a parameter. */
    public static final String IMPORT_PATH = "/api/v1/events/(?<id>[^/]+)/entries:import";
    private static final int MAX_TEAM_FORM = 10;

    private final AuthService auth;
    private final EntryService entries;

    public EntryHandlers(AuthService auth, EntryService entries) {
        this.auth = auth;
        this.entries = entries;
    }

    @Override
    public void mount(Router router, Blocking blocking) {
        router.postWithRegex(IMPORT_PATH).handler(blocking.handler(this::importCsv));
        router.post("/api/v1/events/:id/entries").handler(blocking.handler(this::register));
        router.get("/api/v1/events/:id/entries").handler(blocking.handler(this::list));
        router.post("/api/v1/entries/:id/status").handler(blocking.handler(this::status));
        router.put("/api/v1/entries/:id/time").handler(blocking.handler(this::time));
        router.patch("/api/v1/entries/:id").handler(blocking.handler(this::edit));
        router.post("/api/v1/entries/:id/reveal-id").handler(blocking.handler(this::revealId));
    }

    private Reply register(RoutingContext ctx) {
        SignedInUser actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        long eventId = PathParams.id(ctx, "id");
        return Reply.created(EntryJson.of(entries.register(actor, eventId, form(ctx))));
    }

    /** The same body as registering: the whole registration, corrected. */
    private Reply edit(RoutingContext ctx) {
        SignedInUser actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        long entryId = PathParams.id(ctx, "id");
        return Reply.ok(EntryJson.masked(entries.edit(actor, entryId, form(ctx))));
    }

    private static EntryService.EntryForm form(RoutingContext ctx) {
        JsonInput input = JsonInput.of(Json.parseObject(ctx.body().buffer()));
        String bib = input.requiredString("bib", 20);
        String teamName = input.optionalString("teamName", 100);
        CompetitorForm competitor = input.isAbsent("competitor") ? null : competitor(input.object("competitor"));
        List<CompetitorForm> members = input.objects("members", false, MAX_TEAM_FORM).stream().map(EntryHandlers::competitor).toList();
        input.check();
        return new EntryService.EntryForm(bib, teamName, competitor, members);
    }

    /** {@code {"reason"?}}: the full ID numbers of one entry, audited. */
    private Reply revealId(RoutingContext ctx) {
        SignedInUser actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        long entryId = PathParams.id(ctx, "id");
        var body = ctx.body().buffer();
        String reason = null;
        if (body != null && body.length() > 0) {
            JsonInput input = JsonInput.of(Json.parseObject(body));
            reason = input.optionalString("reason", 200);
            input.check();
        }
        return Reply.ok(EntryJson.of(entries.revealIdNumbers(actor, entryId, reason)));
    }

    private static CompetitorForm competitor(JsonInput c) {
        return new CompetitorForm(c.optionalString("name", 200), c.optionalString("idNumber", 40),
                c.optionalString("employer", 400), c.optionalString("trainingUnit", 400), c.optionalString("currentLevel", 10));
    }

    private Reply importCsv(RoutingContext ctx) {
        SignedInUser actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        long eventId = PathParams.id(ctx, "id");
        String contentType = ctx.request().getHeader("Content-Type");
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv")) {
            throw ApiException.malformed("Send the file with Content-Type: text/csv.", List.of());
        }
        var body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw ApiException.malformed("The file is empty: send the CSV with its header row.", List.of());
        }
        int imported = entries.importCsv(actor, eventId, utf8(body.getBytes()));
        return Reply.ok(new JsonObject().put("imported", imported));
    }

    /** Strict UTF-8: a file saved as GBK would otherwise import as mojibake names. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.malformed("The file is not UTF-8; save it as CSV UTF-8 and upload again.", List.of());
        }
    }

    private Reply list(RoutingContext ctx) {
        SignedInUser actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        JsonArray items = new JsonArray();
        entries.list(actor, PathParams.id(ctx, "id")).forEach(e -> items.add(EntryJson.masked(e)));
        return Reply.ok(new JsonObject().put("items", items));
    }

    private Reply status(RoutingContext ctx) {
        SignedInUser actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        long entryId = PathParams.id(ctx, "id");
        JsonInput input = JsonInput.of(Json.parseObject(ctx.body().buffer()));
        EntryStatus status = input.requiredEnum("status", EntryStatus.class);
        String reason = input.optionalString("reason", 500);
        input.check();
        return Reply.ok(EntryJson.masked(entries.setStatus(actor, entryId, status, reason)));
    }

    private Reply time(RoutingContext ctx) {
        SignedInUser actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        long entryId = PathParams.id(ctx, "id");
        JsonInput input = JsonInput.of(Json.parseObject(ctx.body().buffer()));
        Long seconds = input.requiredLong("seconds", 0, 7 * 24 * 3600);
        input.check();
        return Reply.ok(EntryJson.masked(entries.setCompletionTime(actor, entryId, seconds.intValue())));
    }
}
