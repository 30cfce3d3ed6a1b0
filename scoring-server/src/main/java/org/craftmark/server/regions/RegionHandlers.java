package org.craftmark.server.regions;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.craftmark.core.pipeline.RegionLevel;
import org.craftmark.server.auth.AuthService;
import org.craftmark.server.http.Blocking;
import org.craftmark.server.http.Json;
import org.craftmark.server.http.JsonInput;
import org.craftmark.server.http.Reply;
import org.craftmark.server.http.Routes;
import org.craftmark.server.store.RegionStore.StoredRegion;

/** {@code /api/v1/regions}. */
public final class RegionHandlers implements Routes {
    private final AuthService auth;
    private final RegionService regions;

    public RegionHandlers(AuthService auth, RegionService regions) {
        this.auth = auth;
        this.regions = regions;
    }

    @Override
    public void mount(Router router, Blocking blocking) {
        router.get("/api/v1/regions").handler(blocking.handler(this::list));
        router.post("/api/v1/regions").handler(blocking.handler(this::create));
    }

    /** Region names are public: contests are announced by them. */
    private Reply list(RoutingContext ctx) {
        JsonArray items = new JsonArray();
        regions.all().forEach(r -> items.add(json(r)));
        return Reply.ok(new JsonObject().put("items", items));
    }

    private Reply create(RoutingContext ctx) {
        var actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        JsonInput input = JsonInput.of(Json.parseObject(ctx.body().buffer()));
        String code = input.requiredString("code", 6);
        String name = input.requiredString("name", 64);
        RegionLevel level = input.requiredEnum("level", RegionLevel.class);
        String parentCode = input.optionalString("parentCode", 6);
        input.check();
        return Reply.created(json(regions.create(actor, new StoredRegion(code, name, level.name(), parentCode))));
    }

    static JsonObject json(StoredRegion region) {
        return new JsonObject()
                .put("code", region.code())
                .put("name", region.name())
                .put("level", region.level())
                .put("parentCode", region.parentCode());
    }
}
