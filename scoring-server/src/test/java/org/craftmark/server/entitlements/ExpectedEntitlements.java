package org.craftmark.server.entitlements;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rulebook's entitlements (domain.md: Entitlements) written out again, plainly and on its own,
 * to check the server against: prize, skill level with escalation, the current level (registration
 * or an earlier award), one promotion per person per year, titles and cash awards with team splits.
 * It shares no code with competition-core. Persons' earlier awards are remembered across contests in
 * the order they are finalized.
 */
final class ExpectedEntitlements {
    private static final List<String> LEVELS = List.of("NONE", "L5", "L4", "L3", "L2", "L1");

    /** Where an entry placed: the contest, the event and the rank. */
    record Placing(String tier, String category, String city, int year, String group, String mode, int teamSize, int ranked, int rank) {
    }

    /** What one ranked person gets, as the entitlement row shows it. */
    record Expected(String prize, String level, String reason, String title) {
    }

    /** A paying region's amounts for one tier, and the regions it pays for. */
    record Policy(String payer, String tier, long gold, long silver, long bronze, long unit, List<String> paysFor) {
    }

    private record Award(int level, int year) {
    }

    private final Map<String, List<Award>> awarded = new HashMap<>();

    Expected expect(Placing p, String idNumber, String registered) {
        String prize = prize(p.rank(), p.ranked());
        int[] grant = grant(p, prize);
        String level = null;
        String reason = null;
        if (grant != null) {
            List<Award> earlier = awarded.getOrDefault(idNumber, List.of());
            int current = earlier.stream().mapToInt(Award::level).reduce(LEVELS.indexOf(registered), Math::max);
            int target = grant[0];
            int escalated = grant[1];
            int give = current < target ? target : escalated > 0 && current < escalated ? escalated : 0;
            if (give == 0) {
                reason = "ALREADY_HOLDS_LEVEL";
            } else if (earlier.stream().anyMatch(a -> a.year() == p.year())) {
                reason = "ALREADY_PROMOTED_THIS_YEAR";
            } else {
                level = LEVELS.get(give);
            }
        }
        return new Expected(prize, level, reason, title(p, prize));
    }

    /** Remembers a level the server awarded, for the person's later contests. */
    void remember(String idNumber, String level, int year) {
        if (level != null) {
            awarded.computeIfAbsent(idNumber, k -> new ArrayList<>()).add(new Award(LEVELS.indexOf(level), year));
        }
    }

    static String prize(int rank, int ranked) {
        return switch (rank) {
            case 1 -> "GOLD";
            case 2 -> "SILVER";
            case 3 -> "BRONZE";
            default -> rank <= ranked / 2 ? "EXCELLENCE" : null;
        };
    }

    /** {target, escalated (0: none)} as level indexes, or null when the placing earns no level. */
    private static int[] grant(Placing p, String prize) {
        boolean student = p.group().equals("STUDENT");
        return switch (p.tier()) {
            case "WORLD" -> prize == null ? null : prize.equals("GOLD") ? new int[] {5, 0} : new int[] {4, 5};
            case "NATIONAL" -> prize == null ? null : new int[] {4, 5};
            case "CITY" -> p.category().equals("CLASS_I")
                    ? p.rank() <= 10 ? student ? new int[] {3, 0} : new int[] {4, 5} : null
                    : p.rank() <= 6 ? student ? new int[] {2, 0} : new int[] {3, 4} : null;
            default -> p.rank() <= 6 ? student ? new int[] {2, 0} : new int[] {3, 4} : null;
        };
    }

    private static String title(Placing p, String prize) {
        boolean individual = p.mode().equals("INDIVIDUAL");
        boolean pair = !individual && p.teamSize() == 2;
        boolean employee = p.group().equals("EMPLOYEE");
        return switch (p.tier()) {
            case "WORLD" -> prize != null ? "全国技术能手" : null;
            case "NATIONAL" -> p.rank() <= (individual ? 5 : pair ? 3 : 2) ? "全国技术能手" : null;
            case "CITY" -> {
                boolean classOne = p.category().equals("CLASS_I");
                boolean earns = employee && (classOne ? p.rank() <= (individual ? 3 : pair ? 2 : 1) : individual && p.rank() == 1);
                yield earns ? p.city() + "技术能手" : null;
            }
            default -> null;
        };
    }

    /**
     * The individual and unit amounts of each member of an entry, summed over the paying policies:
     * each policy's prize amount split equally (remainder to the first member), its unit amount once,
     * on the first member's row. Only medals are paid.
     */
    static long[][] cash(String tier, String prize, String homeRegion, int members, List<Policy> policies) {
        long[][] amounts = new long[members][2];
        if (prize == null || prize.equals("EXCELLENCE")) {
            return amounts;
        }
        for (Policy policy : policies) {
            if (!policy.tier().equals(tier) || !policy.paysFor().contains(homeRegion)) {
                continue;
            }
            long amount = switch (prize) {
                case "GOLD" -> policy.gold();
                case "SILVER" -> policy.silver();
                default -> policy.bronze();
            };
            for (int i = 0; i < members; i++) {
                amounts[i][0] += amount / members + (i == 0 ? amount % members : 0);
            }
            amounts[0][1] += policy.unit();
        }
        return amounts;
    }
}
