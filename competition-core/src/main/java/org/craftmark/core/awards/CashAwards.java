package org.craftmark.core.awards;

import java.util.ArrayList;
import java.util.List;
import org.craftmark.core.contest.Prize;
import org.craftmark.core.contest.Tier;
import org.craftmark.core.pipeline.RegionTree;

/**
 * Cash awards for one entry: each paying policy's amount is split equally among the members in whole
 * yuan, the remainder to the first member; the unit award goes once, on the first member's row.
 */
public final class CashAwards {
    private CashAwards() {
    }

    /** {@code amount} in {@code ways} equal whole-yuan shares, the remainder added to the first. */
    public static List<Long> splitEqually(long amount, int ways) {
        if (ways < 1) {
            throw new IllegalArgumentException("split among at least one");
        }
        List<Long> shares = new ArrayList<>(ways);
        for (int i = 0; i < ways; i++) {
            shares.add(amount / ways + (i == 0 ? amount % ways : 0));
        }
        return shares;
    }

    /** For each member of the entry in order, the awards of every policy that pays it. */
    static List<List<Award>> perMember(Placing placing, RankedEntry entry, List<AwardPolicy> policies,
                                       RegionTree regions) {
        List<List<Award>> rows = new ArrayList<>();
        entry.members().forEach(member -> rows.add(new ArrayList<>()));
        Tier tier = placing.contest().tier();
        placing.prize().ifPresent(prize -> policies.stream()
                .filter(policy -> policy.pays(tier, prize, entry.homeRegion(), regions))
                .forEach(policy -> addPolicy(policy, policy.amountsFor(tier).orElseThrow(), prize, rows)));
        return rows.stream().map(List::copyOf).toList();
    }

    private static void addPolicy(AwardPolicy policy, AwardAmounts amounts, Prize prize, List<List<Award>> rows) {
        List<Long> shares = splitEqually(amounts.forPrize(prize), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            long unit = i == 0 ? amounts.unit() : 0;
            if (shares.get(i) > 0 || unit > 0) {
                rows.get(i).add(new Award(policy.payer(), shares.get(i), unit));
            }
        }
    }
}
