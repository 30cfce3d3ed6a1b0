package org.craftmark.server.winners;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.craftmark.core.common.Problem;
import org.craftmark.core.contest.Tier;
import org.craftmark.core.pipeline.RegionCode;
import org.craftmark.server.auth.AuthService;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.http.Blocking;
import org.craftmark.server.http.Download;
import org.craftmark.server.http.Routes;
import org.craftmark.server.winners.WinnerService.WinnerQuery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code GET /api/v1/winners?year=&tier=&regionCode=&occupationCode=&format=json|csv|xlsx}. */
public final class WinnerHandlers implements Routes {
    private final AuthService auth;
    private final WinnerService winners;

    public WinnerHandlers(AuthService auth, WinnerService winners) {
        this.auth = auth;
        this.winners = winners;
    }

    @Override
    public void mount(Router router, Blocking blocking) {
        router.get("/api/v1/winners").handler(blocking.download(this::pull));
    }

    private Download pull(RoutingContext ctx) {
        var actor = auth.authenticate(ctx.request().getHeader("Authorization"));
        return winners.pull(actor, query(ctx.queryParams()));
    }

    /** Every filter checked, every problem reported at once (400). */
    static WinnerQuery query(MultiMap params) {
        List<Problem> problems = new ArrayList<>();
        String year = params.get("year");
        if (year != null && !year.matches("\\d{4}")) {
            problems.add(new Problem("year", "must be a year like 2026"));
        }
        String tier = params.get("tier");
        if (tier != null && Arrays.stream(Tier.values()).noneMatch(t -> t.name().equals(tier))) {
            problems.add(new Problem("tier", "must be one of DISTRICT, CITY, NATIONAL, WORLD"));
        }
        String region = params.get("regionCode");
        if (region != null) {
            problems.addAll(RegionCode.problems("regionCode", region));
        }
        String occupation = params.get("occupationCode");
        if (occupation != null && !occupation.matches("\\d-\\d{2}-\\d{2}-\\d{2}")) {
            problems.add(new Problem("occupationCode", "must look like 6-18-01-01"));
        }
        String format = params.get("format");
        Optional<WinnerFormat> chosen = format == null ? Optional.of(WinnerFormat.JSON) : WinnerFormat.fromQuery(format);
        if (chosen.isEmpty()) {
            problems.add(new Problem("format", "must be json, csv or xlsx"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validationFailed(problems);
        }
        return new WinnerQuery(year == null ? null : Integer.valueOf(year), tier, region, occupation, chosen.orElseThrow());
    }
}
