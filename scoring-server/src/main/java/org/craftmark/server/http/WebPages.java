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
            router.get("/" + app).handler(ctx -> ctx.redirect("/" + app + "/"));
            router.get("/" + app + "/*").handler(StaticHandler.create(WEBROOT).setCachingEnabled(false).setIndexPage("index.html"));
        }
        router.get("/assets/*").handler(StaticHandler.create(WEBROOT).setCachingEnabled(false));
    }
}
