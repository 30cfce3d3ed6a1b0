package org.craftmark.server.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

import java.util.regex.Pattern;

/**
 * The browser apps — {@code /console} (organizers), {@code /judge} (tablets), {@code /live}
 * (big screens) — are plain HTML/CSS/JS served from the classpath: no front-end build step.
 */
public final class WebPages implements Routes {
    private static final String WEBROOT = "webroot";
    private static final String[] APPS = {"console", "judge", "live", "results", "verify"};
    /** {@code /live/42} (one event's big screen) and {@code /live/kiosk?contestId=…}: one page; its script reads the path. */
    private static final Pattern LIVE_PAGE = Pattern.compile("\\d{1,18}|kiosk");
    private static final Pattern ID = Pattern.compile("\\d{1,18}");
    /** The verify page's own files; anything else under /verify/ is a certificate number. */
    private static final Pattern VERIFY_ASSETS = Pattern.compile("[a-z]+\\.(js|css)");

    @Override
    public void mount(Router router, Blocking blocking) {
        router.get("/live/:eventId").handler(WebPages::bigScreen);
        // The tablet's service worker serves the app at /judge too (the bare path), so it may claim "/judge".
        router.get("/judge/sw.js").handler(ctx -> {
            ctx.response().putHeader("Service-Worker-Allowed", "/judge");
            ctx.next();
        });
        router.get("/results/:contestId").handler(ctx -> page(ctx, ctx.pathParam("contestId"), "results"));
        // Any text after /verify/ is a number to check: the page itself says when it is malformed.
        router.get("/verify/:no").handler(ctx -> {
            if (VERIFY_ASSETS.matcher(ctx.pathParam("no")).matches()) {
                ctx.next();
            } else {
                sendIndex(ctx, "verify");
            }
        });
        for (String app : APPS) {
            // "/judge" also matches "/judge/": redirect only the bare path, or the index page loops.
            router.get("/" + app).handler(ctx -> {
                if (ctx.request().path().equals("/" + app)) {
                    ctx.redirect("/" + app + "/");
                } else {
                    ctx.next();
                }
            });
            // StaticHandler strips the route's prefix: /judge/app.js is looked up as <root>/app.js.
            router.get("/" + app + "/*").handler(StaticHandler.create(WEBROOT + "/" + app).setCachingEnabled(false).setIndexPage("index.html"));
        }
        router.get("/assets/*").handler(StaticHandler.create(WEBROOT + "/assets").setCachingEnabled(false));
    }

    private static void bigScreen(RoutingContext ctx) {
        if (!LIVE_PAGE.matcher(ctx.pathParam("eventId")).matches()) {
            ctx.next(); // the page's own files (/live/board.js …) come from the static handler below
            return;
        }
        sendIndex(ctx, "live");
    }

    /** {@code /results/42}: the public 公示 page of contest 42; other names are the page's own files. */
    private static void page(RoutingContext ctx, String id, String app) {
        if (!ID.matcher(id).matches()) {
            ctx.next();
            return;
        }
        sendIndex(ctx, app);
    }

    private static void sendIndex(RoutingContext ctx, String app) {
        ctx.response()
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .sendFile(WEBROOT + "/" + app + "/index.html");
    }
}
