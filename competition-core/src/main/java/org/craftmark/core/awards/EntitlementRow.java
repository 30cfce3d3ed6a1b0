package org.craftmark.core.awards;

import java.util.List;
import java.util.Objects;
import org.craftmark.core.contest.Prize;
import org.craftmark.core.contest.SkillLevel;
import org.craftmark.core.people.ResidentId;

/**
 * One ranked person's entitlements from one entry, even when it grants nothing.
 *
 * @param prize null for none
 * @param title null for none
 * @param awards one line per paying region that pays this person something
 * @param unit the unit receiving the unit award, on the row that carries it (the first member's);
 *     otherwise null
 */
public record EntitlementRow(long entryId, ResidentId person, int rank, Prize prize, LevelOutcome level,
                             String title, List<Award> awards, String unit) {
    public EntitlementRow {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(level, "level");
        awards = List.copyOf(awards);
    }

    /** The level awarded, or null. */
    public SkillLevel levelAwarded() {
        return level.awardedLevel().orElse(null);
    }

    /** Why a qualifying person got no level, or null. */
    public LevelReason levelReason() {
        return level.withheldReason().orElse(null);
    }

    /** The sum of the per-payer individual amounts. */
    public long individualAward() {
        return awards.stream().mapToLong(Award::individual).sum();
    }

    /** The sum of the per-payer unit amounts. */
    public long unitAward() {
        return awards.stream().mapToLong(Award::unit).sum();
    }

    /** Whether the row belongs on a winners list: a prize, a level, a title or money. */
    public boolean grantsSomething() {
        return prize != null || levelAwarded() != null || title != null || !awards.isEmpty();
    }
}
