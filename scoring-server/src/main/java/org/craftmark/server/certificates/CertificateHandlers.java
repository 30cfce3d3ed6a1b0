package org.craftmark.server.certificates;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.craftmark.server.auth.AuthService;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.Blocking;
import org.craftmark.server.http.Download;
import org.craftmark.server.http.Json;
import org.craftmark.server.http.JsonInput;
import org.craftmark.server.http.PathParams;
import org.craftmark.server.http.RateLimit;
import org.craftmark.server.http.Reply;
import org.craftmark.server.http.Routes;

import java.time.Duration;

/**
 * Certificates: {@code /api/v1/certificates/{no}} (+ {@code /pdf}, {@code /revoke}), a contest's list
 * and ZIP, the progress of a download, and the public {@code /api/v1/verify/{no}} (30 per 10 s per client).
 */
public final class CertificateHandlers implements Routes {
    public static final int VERIFY_LIMIT = 30;
    public static final Duration VERIFY_WINDOW = Duration.ofSeconds(10);

    private final AuthService auth;
    private final CertificateService certificates;
    private final DownloadProgress progress;
    private final String baseUrl;
    private final RateLimit verifyLimit = new RateLimit(VERIFY_LIMIT, VERIFY_WINDOW, System::nanoTime);

    public CertificateHandlers(AuthService auth, CertificateService certificates, DownloadProgress progress, String baseUrl) {
        this.auth = auth;
        this.certificates = certificates;
        this.progress = progress;
        this.baseUrl = baseUrl;
    }

    @Override
    public void mount(Router router, Blocking blocking) {
        router.get("/api/v1/certificates/:no").handler(blocking.handler(this::get));
        router.get("/api/v1/certificates/:no/pdf").handler(blocking.download(this::pdf));
        router.post("/api/v1/certificates/:no/revoke").handler(blocking.handler(this::revoke));
        router.get("/api/v1/contests/:id/certificates").handler(blocking.handler(this::ofContest));
        router.get("/api/v1/contests/:id/certificates.zip").handler(blocking.download(this::zip));
        router.get("/api/v1/downloads/:token").handler(blocking.handler(this::progress));
        router.get("/api/v1/verify/:no").handler(blocking.handler(this::verify));
    }

    private Reply get(RoutingContext ctx) {
        var issued = certificates.get(signedIn(ctx), ctx.pathParam("no"));
        return Reply.ok(CertificateJson.of(issued.certificate(), verifyUrl(issued.certificate().number())));
    }

    private Download pdf(RoutingContext ctx) {
        return certificates.pdf(signedIn(ctx), ctx.pathParam("no"));
    }

    private Reply revoke(RoutingContext ctx) {
        SignedInUser actor = signedIn(ctx);
        JsonInput input = JsonInput.of(Json.parseObject(ctx.body().buffer()));
        String reason = input.requiredString("reason", CertificateService.MAX_REASON);
        input.check();
        var revoked = certificates.revoke(actor, ctx.pathParam("no"), reason);
        return Reply.ok(CertificateJson.of(revoked.certificate(), verifyUrl(revoked.certificate().number())));
    }

    private Reply ofContest(RoutingContext ctx) {
        return Reply.ok(CertificateJson.list(certificates.ofContest(signedIn(ctx), PathParams.id(ctx, "id")), this::verifyUrl));
    }

    private Download zip(RoutingContext ctx) {
        return certificates.zip(signedIn(ctx), PathParams.id(ctx, "id"), ctx.queryParams().get("progress"));
    }

    private Reply progress(RoutingContext ctx) {
        var p = progress.of(signedIn(ctx), ctx.pathParam("token"));
        return Reply.ok(new JsonObject().put("done", p.done()).put("total", p.total()).put("finished", p.finished())
                .put("complete", p.complete()));
    }

    /** Public and rate-limited by client address; a malformed number is 400, an unknown one 404. */
    private Reply verify(RoutingContext ctx) {
        verifyLimit.admit(ctx.request().remoteAddress().hostAddress());
        return Reply.ok(CertificateJson.verification(certificates.verify(ctx.pathParam("no"))));
    }

    private String verifyUrl(String number) {
        return CertificateSheet.verifyUrl(baseUrl, number);
    }

    private SignedInUser signedIn(RoutingContext ctx) {
        return auth.authenticate(ctx.request().getHeader("Authorization"));
    }
}
