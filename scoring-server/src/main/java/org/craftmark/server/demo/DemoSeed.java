package org.craftmark.server.demo;

import org.craftmark.server.Craftmark;
import org.craftmark.core.awards.AwardAmounts;
import org.craftmark.core.contest.Tier;
import org.craftmark.server.auth.Role;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.RegionStore.StoredRegion;
import org.craftmark.server.users.UserService.NewUserRequest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Seeds the demo season: the nation, Beijing and two of its districts, and the people who run a
 * contest day there. Idempotent: a second run finds everything in place and changes nothing.
 */
public final class DemoSeed {
    public static final String ADMIN_PASSWORD = "craftmark-admin";
    public static final String DEMO_PASSWORD = "craftmark-demo";

    private static final SignedInUser SEEDER = new SignedInUser(0, "demo-seed", Role.ADMIN, "Demo seed", null, null);
    private static final List<StoredRegion> REGIONS = List.of(
            new StoredRegion("000000", "中华人民共和国", "NATION", null),
            new StoredRegion("110000", "北京市", "CITY", "000000"),
            new StoredRegion("110112", "通州区", "DISTRICT", "110000"),
            new StoredRegion("110105", "朝阳区", "DISTRICT", "110000"));
    private static final List<NewUserRequest> USERS = List.of(
            user("beijing", Role.ORGANIZER, "北京市人社局竞赛处", "110000", null),
            user("tongzhou", Role.ORGANIZER, "通州区竞赛组委会", "110112", null),
            user("chaoyang", Role.ORGANIZER, "朝阳区竞赛组委会", "110105", null),
            user("hr-beijing", Role.HR, "北京市职业技能鉴定指导中心", "110000", null),
            user("chief", Role.JUDGE, "王建国 (裁判长)", null, "北京市工业技师学院"),
            user("judge1", Role.JUDGE, "李明", null, "北京现代汽车有限公司"),
            user("judge2", Role.JUDGE, "赵静", null, "北京电子科技职业学院"),
            user("judge3", Role.JUDGE, "孙强", null, "首钢集团"),
            user("judge4", Role.JUDGE, "周芳", null, "北京市通州区职业学校"));

    /**
     * The Tongzhou district plan's cash awards (通州区): what it pays its people and their training
     * units for medals at city, national and WorldSkills level, in yuan.
     */
    static final Map<Tier, AwardAmounts> TONGZHOU_PLAN = Map.of(
            Tier.WORLD, new AwardAmounts(300_000, 180_000, 120_000, 100_000),
            Tier.NATIONAL, new AwardAmounts(200_000, 150_000, 100_000, 80_000),
            Tier.CITY, new AwardAmounts(100_000, 50_000, 30_000, 50_000));

    /** Every demo event's panel: the chief judge first. */
    public static final List<String> PANEL = List.of("chief", "judge1", "judge2", "judge3", "judge4");

    /** The sign-ins a newcomer needs. */
    public record Logins(List<String> lines, List<Long> runningEvents, List<Long> cityEvents, List<Long> contests) {
        public String describe(String baseUrl, String adminPassword) {
            StringBuilder out = new StringBuilder();
            out.append("\n=== Craftmark demo is running ===\n");
            out.append("  Organizer console: ").append(baseUrl).append("/console/\n");
            out.append("  Judge tablets:   ").append(baseUrl).append("/judge/  (sign in as a judge below)\n");
            runningEvents.forEach(id -> out.append("  Big screen:      ").append(baseUrl).append("/live/").append(id).append('\n'));
            cityEvents.forEach(id -> out.append("  Big screen (city, after advancement): ").append(baseUrl).append("/live/").append(id).append('\n'));
            contests.forEach(id -> out.append("  公示 (results):   ").append(baseUrl).append("/results/").append(id).append('\n'));
            out.append("  API (OpenAPI):   ").append(baseUrl).append("/api/v1/openapi.yaml\n");
            out.append("  API health:      ").append(baseUrl).append("/health\n");
            out.append("  Metrics:         ").append(baseUrl).append("/metrics\n");
            out.append("  Sign in:         POST ").append(baseUrl).append("/api/v1/auth/login\n");
            out.append("  admin            / ").append(adminPassword).append("  (ADMIN)\n");
            lines.forEach(line -> out.append("  ").append(line).append('\n'));
            out.append("Stop with Ctrl+C. The data stays in the data directory; run again to continue.\n");
            return out.toString();
        }
    }

    /** How many entries each district event gets: the demo's 12–20, or a smaller field for quick runs. */
    public record FieldSize(int min, int max) {
        public static final FieldSize DEMO = new FieldSize(12, 20);
    }

    private final Craftmark.Services services;
    private final Clock clock;
    private final FieldSize field;

    public DemoSeed(Craftmark.Services services, Clock clock) {
        this(services, clock, FieldSize.DEMO);
    }

    public DemoSeed(Craftmark.Services services, Clock clock, FieldSize field) {
        this.services = services;
        this.clock = clock;
        this.field = field;
    }

    public Logins seed() {
        for (StoredRegion region : REGIONS) {
            if (services.regions().find(region.code()).isEmpty()) {
                services.regions().insert(region, clock.instant());
            }
        }
        if (services.entitlements().policy("110112").tiers().isEmpty()) {
            services.entitlements().setPolicy(SEEDER, "110112", TONGZHOU_PLAN);
        }
        List<String> lines = new ArrayList<>();
        for (NewUserRequest user : USERS) {
            createUnlessPresent(user);
            lines.add(String.format("%-16s / %s  (%s%s)", user.username(), DEMO_PASSWORD, user.role(),
                    user.regionCode() == null ? ", " + user.displayName() : " of " + user.regionCode()));
        }
        List<Long> judges = PANEL.stream().map(u -> services.users().find(u).orElseThrow().id()).toList();
        List<Long> districts = new DemoSeason(services, SEEDER, field).seedOnce(judges);
        List<Long> events = districts.stream().flatMap(c -> services.events().ofContest(c).stream()).map(e -> e.id()).toList();
        List<StoredContest> season = services.contests().all();
        List<Long> cityEvents = season.stream().filter(c -> c.tier() == Tier.CITY)
                .flatMap(c -> services.events().ofContest(c.id()).stream()).map(e -> e.id()).toList();
        List<Long> contests = season.stream().filter(c -> c.tier() != Tier.NATIONAL).map(StoredContest::id).sorted().toList();
        lines.add("");
        lines.add("District contests running (marking open): ids " + districts + "; GET /api/v1/contests lists the season.");
        lines.add("With --simulate the season runs by itself: districts mark, publish, finalize and advance; the city then marks.");
        return new Logins(lines, events, cityEvents, contests);
    }

    /** Who runs a demo contest: the demo organizer of its region, or ADMIN for the national final. */
    public static SignedInUser organizerOf(Craftmark.Services services, StoredContest contest) {
        return USERS.stream()
                .filter(u -> u.role() == Role.ORGANIZER && contest.region().value().equals(u.regionCode()))
                .findFirst()
                .flatMap(u -> services.users().find(u.username()))
                .orElseGet(() -> services.users().find("admin").orElseThrow());
    }

    private void createUnlessPresent(NewUserRequest user) {
        try {
            services.users().create(SEEDER, user);
        } catch (ApiException e) {
            if (!"DUPLICATE".equals(e.code())) {
                throw e;
            }
        }
    }

    private static NewUserRequest user(String username, Role role, String displayName, String region, String affiliation) {
        return new NewUserRequest(username, DEMO_PASSWORD, role, displayName, region, affiliation);
    }
}
