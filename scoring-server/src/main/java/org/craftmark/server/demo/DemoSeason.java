package org.craftmark.server.demo;

import org.craftmark.core.contest.Category;
import org.craftmark.core.contest.Group;
import org.craftmark.core.contest.Mode;
import org.craftmark.core.contest.Tier;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.Method;
import org.craftmark.core.people.ResidentId;
import org.craftmark.core.pipeline.LifecycleAction;
import org.craftmark.server.Craftmark;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.contests.ContestService.ContestRequest;
import org.craftmark.server.entries.CompetitorForm;
import org.craftmark.server.entries.EntryService.EntryForm;
import org.craftmark.server.events.EventService.EventRequest;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.ContestStore.Visibility;
import org.craftmark.server.store.EventStore.StoredEvent;
import org.craftmark.server.store.PanelStore.PanelSeat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The demo's three-tier season: a national final, the Beijing city contest feeding it, and the
 * 通州 and 朝阳 district contests feeding that, each with a lathe event (车工) and a two-person
 * robotics event (工业机器人系统操作员), every event with its panel. District contests are RUNNING with
 * entries; the city contest is OPEN for their winners.
 */
final class DemoSeason {
    static final int YEAR = 2026;
    static final int CITY_NOTICE_DAYS = 3;
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "欧阳"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "涛", "明", "超", "霞", "平", "刚"};
    /** Some employers are the judges' own units: the demo shows conflicts of interest (回避) at work. */
    private static final String[] EMPLOYERS = {"北京现代汽车有限公司", "首钢集团", "北京北一机床股份有限公司", "京东方科技集团",
            "北京奔驰汽车有限公司", "北汽福田汽车股份有限公司", "中国航天科工二院"};
    private static final String[] SCHOOLS = {"北京市工业技师学院", "北京电子科技职业学院", "北京市通州区职业学校", "北京市商业学校"};

    private final Craftmark.Services services;
    private final SignedInUser seeder;
    private final Random random = new Random(20261121L);
    private int people;

    private final DemoSeed.FieldSize field;

    DemoSeason(Craftmark.Services services, SignedInUser seeder, DemoSeed.FieldSize field) {
        this.services = services;
        this.seeder = seeder;
        this.field = field;
    }

    /** Seeds the season unless a previous run did; answers the district contests' ids. */
    List<Long> seedOnce(List<Long> panelJudges) {
        List<StoredContest> existing = services.contests().all();
        if (!existing.isEmpty()) {
            return existing.stream().filter(c -> c.tier() == Tier.DISTRICT).map(StoredContest::id).toList();
        }
        long national = contest(YEAR + " 全国职业技能大赛（示例）", Tier.NATIONAL, "000000", null, 5);
        long city = contest(YEAR + " 北京市职业技能大赛", Tier.CITY, "110000", national, CITY_NOTICE_DAYS);
        // The demo's districts publish with no notice days, so that a simulated season can go on.
        List<Long> districts = List.of(
                contest(YEAR + " 通州区职业技能大赛", Tier.DISTRICT, "110112", city, 0),
                contest(YEAR + " 朝阳区职业技能大赛", Tier.DISTRICT, "110105", city, 0));
        for (long contest : List.of(national, city)) {
            addEvents(contest).forEach(e -> seatPanel(e, panelJudges));
        }
        // The city takes the districts' winners: it is open for registration (and advancement).
        services.contests().move(seeder, city, LifecycleAction.OPEN);
        for (long district : districts) {
            List<StoredEvent> events = addEvents(district);
            services.contests().move(seeder, district, LifecycleAction.OPEN);
            events.forEach(e -> register(e, field.min() + random.nextInt(field.max() - field.min() + 1)));
            events.forEach(e -> seatPanel(e, panelJudges));
            services.contests().move(seeder, district, LifecycleAction.START);
        }
        return districts;
    }

    private long contest(String name, Tier tier, String region, Long feedsInto, int noticeDays) {
        return services.contests().create(seeder, new ContestRequest(name, YEAR, tier, region, Category.CLASS_I,
                feedsInto, Visibility.LIVE, noticeDays)).id();
    }

    private List<StoredEvent> addEvents(long contest) {
        return List.of(
                services.events().create(seeder, contest, new EventRequest("6-18-01-01", "车工", Group.EMPLOYEE, Mode.INDIVIDUAL,
                        null, 3, BigDecimal.valueOf(60), latheScheme(), List.of("MODULE:A", "TIME"))),
                services.events().create(seeder, contest, new EventRequest("6-30-99-00", "工业机器人系统操作员", Group.EMPLOYEE,
                        Mode.TEAM, 2, 2, null, robotScheme(), List.of("KIND:MEASUREMENT", "TIME"))));
    }

    /** The contract's example scheme: measured, judged, WSS and a safety deduction. */
    private static List<Criterion> latheScheme() {
        return List.of(
                criterion("A1", "A", "尺寸精度", Kind.MEASUREMENT, 30, Method.SINGLE, 1),
                criterion("A2", "A", "形位公差", Kind.MEASUREMENT, 20, Method.SINGLE, 1),
                new Criterion("B1", "B", "工艺规范", Kind.JUDGEMENT, BigDecimal.valueOf(20), Method.TRIMMED_MEAN, 3, 1),
                criterion("B2", "B", "作品外观", Kind.JUDGEMENT, 9, Method.WSS, 3),
                criterion("S1", "S", "安全文明生产", Kind.DEDUCTION, 5, Method.SINGLE, 1));
    }

    private static List<Criterion> robotScheme() {
        return List.of(
                criterion("A1", "A", "工作站搭建", Kind.MEASUREMENT, 40, Method.MEAN, 2),
                criterion("B1", "B", "编程与调试", Kind.JUDGEMENT, 30, Method.MEDIAN, 3),
                criterion("B2", "B", "团队协作", Kind.JUDGEMENT, 12, Method.WSS, 3),
                criterion("S1", "S", "安全规范", Kind.DEDUCTION, 5, Method.SINGLE, 1));
    }

    private static Criterion criterion(String code, String module, String name, Kind kind, int max, Method method, int judges) {
        return new Criterion(code, module, name, kind, BigDecimal.valueOf(max), method, judges);
    }

    private void register(StoredEvent event, int count) {
        for (int i = 1; i <= count; i++) {
            String bib = String.format(Locale.ROOT, "%s%02d", event.mode() == Mode.TEAM ? "T" : "A", i);
            if (event.mode() == Mode.TEAM) {
                CompetitorForm first = competitor();
                services.entries().register(seeder, event.id(), new EntryForm(bib, "代表队 " + i, null, List.of(first, teammateOf(first))));
            } else {
                services.entries().register(seeder, event.id(), new EntryForm(bib, null, competitor(), List.of()));
            }
        }
    }

    private CompetitorForm competitor() {
        people++;
        String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
        String district = random.nextBoolean() ? "110112" : "110105";
        String born = String.format(Locale.ROOT, "%04d%02d%02d", 1975 + random.nextInt(28), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String id = ResidentId.withCheckCharacter(district + born + String.format(Locale.ROOT, "%03d", people % 1000));
        String level = List.of("NONE", "L5", "L4", "L4", "L3").get(random.nextInt(5));
        return new CompetitorForm(name, id, EMPLOYERS[random.nextInt(EMPLOYERS.length)],
                SCHOOLS[random.nextInt(SCHOOLS.length)], level);
    }

    /**
     * A team comes from one unit: the second member shares the first's employer and school, so at
     * most two of the five judges stand aside for a team and every criterion can still be marked.
     */
    private CompetitorForm teammateOf(CompetitorForm first) {
        CompetitorForm other = competitor();
        return new CompetitorForm(other.name(), other.idNumber(), first.employer(), first.trainingUnit(), other.currentLevel());
    }

    /**
     * Five judges mark every criterion, the first of them as chief (裁判长). Schemes ask for at most
     * three marks, so the panel can still complete an entry when two judges must stand aside.
     */
    private void seatPanel(StoredEvent event, List<Long> judges) {
        services.panels().seat(seeder, PanelSeat.allCriteria(event.id(), judges.getFirst(), "CHIEF"));
        for (Long judge : judges.subList(1, judges.size())) {
            services.panels().seat(seeder, PanelSeat.allCriteria(event.id(), judge, "JUDGE"));
        }
    }
}
