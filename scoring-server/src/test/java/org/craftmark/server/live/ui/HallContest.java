package org.craftmark.server.live.ui;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.contest.Category;
import org.craftmark.core.contest.EntryStatus;
import org.craftmark.core.contest.Group;
import org.craftmark.core.contest.Mode;
import org.craftmark.core.contest.Tier;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.Method;
import org.craftmark.core.pipeline.LifecycleAction;
import org.craftmark.server.Craftmark;
import org.craftmark.server.auth.Role;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.contests.ContestService.ContestRequest;
import org.craftmark.server.entries.CompetitorForm;
import org.craftmark.server.entries.EntryService.EntryForm;
import org.craftmark.server.events.EventService.EventRequest;
import org.craftmark.server.store.ContestStore.Visibility;
import org.craftmark.server.store.PanelStore.PanelSeat;
import org.craftmark.server.store.RegionStore.StoredRegion;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.Season;
import org.craftmark.server.testing.TestServer;
import org.craftmark.server.users.UserService.NewUserRequest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A district contest as a hall sees it, set up through the services and marked through the API as
 * judges mark: real-looking names and units (so screenshots look like the real thing), events on
 * the scheme below, a chief who marks the measurements and the deduction, two judges who mark the
 * judgement criteria (MEAN of 2), RUNNING.
 * <pre>
 *   A1 尺寸精度 30 + A2 形位公差 10  → module A, max 40     (chief)
 *   B1 工艺规范 20                   → module B, max 20     (judges, MEAN of 2)
 *   C1 作品外观 30                   → module C, max 30     (judges, MEAN of 2)
 *   S1 安全文明生产 −5 deduction      → module S             (chief)
 * </pre>
 */
final class HallContest {
    static final String JUDGE_PASSWORD = "hall-judge-pw";
    static final List<Criterion> SCHEME = List.of(
            new Criterion("A1", "A", "尺寸精度", Kind.MEASUREMENT, BigDecimal.valueOf(30), Method.SINGLE, 1),
            new Criterion("A2", "A", "形位公差", Kind.MEASUREMENT, BigDecimal.valueOf(10), Method.SINGLE, 1),
            new Criterion("B1", "B", "工艺规范", Kind.JUDGEMENT, BigDecimal.valueOf(20), Method.MEAN, 2),
            new Criterion("C1", "C", "作品外观", Kind.JUDGEMENT, BigDecimal.valueOf(30), Method.MEAN, 2),
            new Criterion("S1", "S", "安全文明生产", Kind.DEDUCTION, BigDecimal.valueOf(5), Method.SINGLE, 1));
    static final List<String> NAMES = List.of("张伟", "王芳", "李娜", "刘洋", "陈杰", "杨磊", "赵敏", "黄强", "周婷",
            "吴刚", "徐静", "孙浩", "马超", "朱琳", "胡军", "郭丽");
    static final List<String> UNITS = List.of("北京精雕科技集团有限公司", "首钢机电有限公司", "北京市工业技师学院",
            "京城机电股份有限公司", "北京汽车集团有限公司", "中航工业北京航空精密机械研究所", "北京电子科技职业学院",
            "通州区职业技能公共实训基地", "北京奔驰汽车有限公司", "北京市自动化工程学校", "北京京仪集团有限责任公司",
            "北京北一机床股份有限公司", "北京金隅集团", "北京市劳动保护科学研究所", "北方华创科技集团", "北京第一机床厂");
    private static int serial;

    private final TestServer server;
    final long contestId;
    final List<Long> eventIds = new ArrayList<>();
    /** Entry ids by bib, for the first event. */
    final Map<String, Long> entries = new LinkedHashMap<>();
    final String chief;
    final String judge1;
    final String judge2;

    private HallContest(TestServer server, long contestId, String chief, String judge1, String judge2) {
        this.server = server;
        this.contestId = contestId;
        this.chief = chief;
        this.judge1 = judge1;
        this.judge2 = judge2;
    }

    /** A RUNNING contest with one event per occupation name, {@code entries} competitors each (A01…). */
    static synchronized HallContest create(TestServer server, Visibility visibility, int entries, String... occupations) {
        Craftmark.Services services = server.app().services();
        SignedInUser admin = services.users().find("admin").orElseThrow();
        ensureRegions(services, admin);
        int n = ++serial;
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long contest = services.contests().create(admin, new ContestRequest("2026年通州区职业技能大赛（第" + n + "届）", 2026,
                Tier.DISTRICT, "110112", Category.CLASS_II, null, visibility, 5)).id();
        HallContest hall = new HallContest(server, contest, "hall-chief-" + tag, "hall-j1-" + tag, "hall-j2-" + tag);
        long chiefId = judge(services, admin, hall.chief, "李建国", "通州区职业技能鉴定中心");
        long judge1Id = judge(services, admin, hall.judge1, "王志强", "北京市职业技能鉴定管理中心");
        long judge2Id = judge(services, admin, hall.judge2, "陈丽华", "朝阳区人力资源和社会保障局");
        String[] names = occupations.length == 0 ? new String[] {"车工"} : occupations;
        for (int e = 0; e < names.length; e++) {
            long event = services.events().create(admin, contest, new EventRequest("6-18-01-0" + (e + 1), names[e], Group.EMPLOYEE,
                    Mode.INDIVIDUAL, null, 3, null, SCHEME, List.of("MODULE:A"))).id();
            hall.eventIds.add(event);
        }
        services.contests().move(admin, contest, LifecycleAction.OPEN);
        for (int e = 0; e < hall.eventIds.size(); e++) {
            long event = hall.eventIds.get(e);
            for (int i = 0; i < entries; i++) {
                String bib = String.format("A%02d", i + 1);
                String name = NAMES.get((i + e * 5) % NAMES.size());
                String unit = UNITS.get((i + e * 3) % UNITS.size());
                long id = services.entries().register(admin, event, new EntryForm(bib, null, new CompetitorForm(
                        name, Season.idNumber(n * 1000 + e * 100 + i), unit, null, "L4"), List.of())).id();
                if (e == 0) {
                    hall.entries.put(bib, id);
                }
            }
            services.panels().seat(admin, new PanelSeat(event, chiefId, "CHIEF", List.of("A1", "A2", "S1")));
            services.panels().seat(admin, new PanelSeat(event, judge1Id, "JUDGE", List.of("B1", "C1")));
            services.panels().seat(admin, new PanelSeat(event, judge2Id, "JUDGE", List.of("B1", "C1")));
        }
        services.contests().move(admin, contest, LifecycleAction.START);
        return hall;
    }

    long eventId() {
        return eventIds.getFirst();
    }

    long entry(String bib) {
        return entries.get(bib);
    }

    void setStatus(String bib, EntryStatus status) {
        Craftmark.Services services = server.app().services();
        SignedInUser admin = services.users().find("admin").orElseThrow();
        services.entries().setStatus(admin, entry(bib), status, "裁判长决定");
    }

    /**
     * RUNNING → PUBLISHED. There is no HTTP route for it yet ({@code POST /api/v1/contests/{id}/publish}
     * is still to come), so the service's lifecycle move stands in.
     */
    void publish() {
        Craftmark.Services services = server.app().services();
        SignedInUser admin = services.users().find("admin").orElseThrow();
        services.contests().move(admin, contestId, LifecycleAction.PUBLISH);
    }

    /** One mark of the first event, for {@link #mark}. */
    JsonObject mark(String bib, String criterion, String value) {
        return new JsonObject().put("clientMarkId", UUID.randomUUID().toString()).put("eventId", eventId())
                .put("entryId", entry(bib)).put("criterion", criterion).put("value", new BigDecimal(value));
    }

    /** Sends marks as the judge does offline (POST /api/v1/marks:batch); every one must be accepted. */
    void mark(String judge, JsonObject... marks) {
        Api api = server.api();
        String token = api.token(judge, JUDGE_PASSWORD);
        for (int from = 0; from < marks.length; from += 1000) {
            List<Object> chunk = List.of((Object[]) java.util.Arrays.copyOfRange(marks, from, Math.min(marks.length, from + 1000)));
            Api.Response response = api.post("/api/v1/marks:batch", new JsonObject().put("marks", new JsonArray(chunk)), token);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            response.json().getJsonArray("acks").forEach(ack -> assertThat(((JsonObject) ack).getString("status"))
                    .as(ack.toString()).isIn("ACCEPTED", "DUPLICATE"));
        }
    }

    /**
     * Marks an entry completely: A1 and A2 (chief), B1 and C1 by both judges, S1 deduction (chief);
     * values as text, exact.
     */
    void markFully(String bib, String a1, String a2, String b1j1, String b1j2, String c1j1, String c1j2, String s1) {
        mark(chief, mark(bib, "A1", a1), mark(bib, "A2", a2), mark(bib, "S1", s1));
        mark(judge1, mark(bib, "B1", b1j1), mark(bib, "C1", c1j1));
        mark(judge2, mark(bib, "B1", b1j2), mark(bib, "C1", c1j2));
    }

    JsonObject leaderboard() {
        return server.api().get("/api/v1/events/" + eventId() + "/leaderboard", server.api().token("admin", TestServer.ADMIN_PASSWORD)).json();
    }

    private static long judge(Craftmark.Services services, SignedInUser admin, String username, String displayName, String affiliation) {
        return services.users().create(admin, new NewUserRequest(username, JUDGE_PASSWORD, Role.JUDGE, displayName, null, affiliation)).id();
    }

    private static void ensureRegions(Craftmark.Services services, SignedInUser admin) {
        List<StoredRegion> regions = List.of(
                new StoredRegion("000000", "全国", "NATION", null),
                new StoredRegion("110000", "北京市", "CITY", "000000"),
                new StoredRegion("110112", "通州区", "DISTRICT", "110000"));
        for (StoredRegion region : regions) {
            if (services.regions().find(region.code()).isEmpty()) {
                services.regionService().create(admin, region);
            }
        }
    }
}
