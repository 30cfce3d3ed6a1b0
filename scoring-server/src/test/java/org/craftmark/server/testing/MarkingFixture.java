package org.craftmark.server.testing;

import org.craftmark.core.contest.Category;
import org.craftmark.core.contest.Group;
import org.craftmark.core.contest.Mode;
import org.craftmark.core.contest.Tier;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.pipeline.LifecycleAction;
import org.craftmark.server.Craftmark;
import org.craftmark.server.auth.Role;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.contests.ContestService.ContestRequest;
import org.craftmark.server.entries.CompetitorForm;
import org.craftmark.server.entries.EntryService.EntryForm;
import org.craftmark.server.events.EventService.EventRequest;
import org.craftmark.server.store.ContestStore.Visibility;
import org.craftmark.server.store.EntryStore.StoredEntry;
import org.craftmark.server.store.PanelStore.PanelSeat;
import org.craftmark.server.store.RegionStore.StoredRegion;
import org.craftmark.server.users.UserService.NewUserRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A district contest ready for marking, set up through the services: one event with the given
 * scheme, entries (bibs in order, each from its own employer), judges with affiliations, RUNNING.
 */
public final class MarkingFixture {
    public static final String JUDGE_PASSWORD = "judge-pw-1";
    private static int contests;

    private final Craftmark.Services services;
    private final SignedInUser admin;
    public final long contestId;
    public final long eventId;
    /** Entry ids by bib, in bib order. */
    public final Map<String, Long> entries = new LinkedHashMap<>();
    /** Judge user ids by username. */
    public final Map<String, Long> judges = new LinkedHashMap<>();

    private MarkingFixture(Craftmark.Services services, SignedInUser admin, long contestId, long eventId) {
        this.services = services;
        this.admin = admin;
        this.contestId = contestId;
        this.eventId = eventId;
    }

    /**
     * @param bibs       entries to register, employer {@code 单位-<bib>} each
     * @param judgeNames judges to seat on the panel (all criteria), affiliation {@code 裁判单位-<name>};
     *                   the first is CHIEF
     */
    public static MarkingFixture create(TestServer server, List<Criterion> criteria, List<String> tieBreak,
                                        List<String> bibs, List<String> judgeNames) {
        return create(server, criteria, tieBreak, bibs, judgeNames, Visibility.LIVE);
    }

    public static synchronized MarkingFixture create(TestServer server, List<Criterion> criteria, List<String> tieBreak,
                                                     List<String> bibs, List<String> judgeNames, Visibility visibility) {
        Craftmark.Services services = server.app().services();
        SignedInUser admin = services.users().find("admin").orElseThrow();
        ensureRegions(services, admin);
        int n = ++contests;
        long contest = services.contests().create(admin, new ContestRequest("测试大赛 " + n + " " + System.nanoTime(), 2026,
                Tier.DISTRICT, "110112", Category.CLASS_II, null, visibility, 5)).id();
        long event = services.events().create(admin, contest, new EventRequest("6-18-01-01", "车工", Group.EMPLOYEE,
                Mode.INDIVIDUAL, null, 3, null, criteria, tieBreak)).id();
        MarkingFixture fixture = new MarkingFixture(services, admin, contest, event);
        services.contests().move(admin, contest, LifecycleAction.OPEN);
        for (int i = 0; i < bibs.size(); i++) {
            String bib = bibs.get(i);
            StoredEntry entry = services.entries().register(admin, event, new EntryForm(bib, null, new CompetitorForm(
                    "选手" + bib, Season.idNumber(n * 1000 + i), "单位-" + bib, null, "NONE"), List.of()));
            fixture.entries.put(bib, entry.id());
        }
        for (int i = 0; i < judgeNames.size(); i++) {
            String name = judgeNames.get(i);
            long id = services.users().find(name).map(SignedInUser::id).orElseGet(() -> services.users().create(admin,
                    new NewUserRequest(name, JUDGE_PASSWORD, Role.JUDGE, name, null, "裁判单位-" + name)).id());
            services.panels().seat(admin, PanelSeat.allCriteria(event, id, i == 0 ? "CHIEF" : "JUDGE"));
            fixture.judges.put(name, id);
        }
        services.contests().move(admin, contest, LifecycleAction.START);
        return fixture;
    }

    /** Registers a judge whose affiliation is the given entry's employer: in conflict with it. */
    public long seatConflictedJudge(String username, String bib) {
        long id = services.users().create(admin, new NewUserRequest(username, JUDGE_PASSWORD, Role.JUDGE, username, null, "单位-" + bib)).id();
        services.panels().seat(admin, PanelSeat.allCriteria(eventId, id, "JUDGE"));
        judges.put(username, id);
        return id;
    }

    /** Seats a judge for the given criteria only. */
    public long seatJudgeFor(String username, List<String> criteria) {
        long id = services.users().create(admin, new NewUserRequest(username, JUDGE_PASSWORD, Role.JUDGE, username, null, "某单位")).id();
        services.panels().seat(admin, new PanelSeat(eventId, id, "JUDGE", new ArrayList<>(criteria)));
        judges.put(username, id);
        return id;
    }

    public void setStatus(String bib, org.craftmark.core.contest.EntryStatus status) {
        services.entries().setStatus(admin, entry(bib), status, status == org.craftmark.core.contest.EntryStatus.ACTIVE ? null : "测试");
    }

    public void setCompletionTime(String bib, int seconds) {
        services.entries().setCompletionTime(admin, entry(bib), seconds);
    }

    public long entry(String bib) {
        return entries.get(bib);
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
