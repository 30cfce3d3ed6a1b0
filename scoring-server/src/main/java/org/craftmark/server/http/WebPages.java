package org.craftmark.server.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The browser apps — {@code /console} (organizers), {@code /judge} (tablets), {@code /live}
 * (big screens) — are plain HTML/CSS/JS served from the classpath: no front-end build step.
 */
public final class WebPages implements Routes {
    private static final String WEBROOT = "webroot";
    private static final String[] APPS = {"console", "judge"};

    @Override
    public void mount(Router router, Blocking blocking) {
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
}
