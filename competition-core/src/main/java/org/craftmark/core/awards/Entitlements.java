package org.craftmark.core.awards;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.craftmark.core.contest.Prize;
import org.craftmark.core.people.ResidentId;
import org.craftmark.core.pipeline.RegionTree;

/**
 * The entitlements calculator run at FINAL (以赛代评 and awards): for every ranked person, the prize,
 * the skill level (or why none), the title and the cash awards, from the tables and policies given.
 */
public record Entitlements(PromotionTable promotions, TitleTable titles, List<AwardPolicy> policies,
                           RegionTree regions) {
    public Entitlements {
        Objects.requireNonNull(promotions, "promotions");
        Objects.requireNonNull(titles, "titles");
        Objects.requireNonNull(regions, "regions");
        policies = List.copyOf(policies);
    }

    /** The default promotion and title tables of domain.md, with these award policies. */
    public static Entitlements withDefaultTables(List<AwardPolicy> policies, RegionTree regions) {
        return new Entitlements(PromotionTable.defaults(), TitleTable.defaults(), policies, regions);
    }

    /** One row per member of a ranked entry, in member order. */
    public List<EntitlementRow> forEntry(ContestFacts contest, EventFacts event, RankedEntry entry) {
        Placing placing = new Placing(contest, event, entry.rank());
        Prize prize = placing.prize().orElse(null);
        String title = titles.titleFor(placing).orElse(null);
        List<List<Award>> awards = CashAwards.perMember(placing, entry, policies, regions);
        String unit = awards.getFirst().stream().anyMatch(award -> award.unit() > 0)
                ? entry.members().getFirst().awardedUnit().orElse(null)
                : null;
        List<EntitlementRow> rows = new ArrayList<>();
        for (int i = 0; i < entry.members().size(); i++) {
            Member member = entry.members().get(i);
            LevelOutcome level = promotions.decide(placing, member.currentLevel(), member.promotedThisYear());
            rows.add(new EntitlementRow(entry.entryId(), member.person(), entry.rank(), prize, level, title,
                    awards.get(i), i == 0 ? unit : null));
        }
        return rows;
    }

    /**
     * Every row of a contest. One promotion per person per year holds within the contest too: a person
     * ranked in several events is promoted by the first event in the order given (then by rank), and
     * later rows say {@link LevelReason#ALREADY_PROMOTED_THIS_YEAR}.
     */
    public List<EntitlementRow> forContest(ContestFacts contest, List<EventStandings> events) {
        Set<ResidentId> promotedHere = new HashSet<>();
        List<EntitlementRow> rows = new ArrayList<>();
        for (EventStandings standings : events) {
            for (RankedEntry entry : standings.entries()) {
                List<EntitlementRow> entryRows = forEntry(contest, standings.event(), counting(entry, promotedHere));
                entryRows.stream().filter(row -> row.levelAwarded() != null)
                        .forEach(row -> promotedHere.add(row.person()));
                rows.addAll(entryRows);
            }
        }
        return rows;
    }

    /** The entry with members promoted earlier in this contest marked as promoted this year. */
    private static RankedEntry counting(RankedEntry entry, Set<ResidentId> promotedHere) {
        List<Member> members = entry.members().stream()
                .map(member -> promotedHere.contains(member.person()) ? member.promoted() : member)
                .toList();
        return new RankedEntry(entry.entryId(), entry.rank(), entry.homeRegion(), members);
    }
}
