package org.craftmark.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.craftmark.core.contest.EntryStatus;
import org.craftmark.core.contest.Group;
import org.craftmark.core.contest.Mode;
import org.craftmark.core.people.People;
import org.craftmark.core.people.ResidentId;
import org.junit.jupiter.api.Test;

class AdvancementTest {
    private static final EventKey LATHE = new EventKey("6-18-01-01", Group.EMPLOYEE, Mode.INDIVIDUAL);
    private static final EventKey WELDING = new EventKey("6-18-02-04", Group.EMPLOYEE, Mode.INDIVIDUAL);
    private static final long TARGET_EVENT = 900;

    /** Test-data builder: a source event's results, one person per entry, entry ids 1, 2, … in order. */
    private static final class Results {
        private final List<RankedResult> rows = new ArrayList<>();

        Results ranked(Integer rank, String total) {
            return add(rank, total, EntryStatus.ACTIVE);
        }

        Results add(Integer rank, String total, EntryStatus status) {
            int n = rows.size();
            rows.add(new RankedResult(n + 1, "A%02d".formatted(n + 1), rank, new BigDecimal(total), status,
                    Regions.TONGZHOU, List.of(People.person(n))));
            return this;
        }

        List<RankedResult> rows() {
            return rows;
        }

        SourceEvent event(int quota, String minScore) {
            return new SourceEvent(10, LATHE, quota, minScore == null ? null : new BigDecimal(minScore), rows);
        }
    }

    private static List<Long> advancing(SourceEvent source) {
        return Advancement.select(source.results(), source.advanceQuota(), source.advanceMinScore())
                .stream().map(RankedResult::entryId).toList();
    }

    private static Advancement.Outcome plan(SourceEvent source, TargetEvent... targets) {
        return Advancement.plan(ContestStatus.FINAL, Regions.TONGZHOU, List.of(source), ContestStatus.OPEN,
                List.of(targets));
    }

    private static AdvancementPlan planned(SourceEvent source, TargetEvent... targets) {
        return ((Advancement.Outcome.Planned) plan(source, targets)).plan();
    }

    private static TargetEvent target(EventKey key, ResidentId... entered) {
        return new TargetEvent(TARGET_EVENT, key, Set.of(entered));
    }

    @Test
    void theTopQuotaAdvance() {
        Results results = new Results().ranked(1, "90").ranked(2, "85").ranked(3, "80").ranked(4, "70");

        assertThat(advancing(results.event(3, null))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void entriesSharingTheBoundaryRankAllAdvance() {
        Results results = new Results().ranked(1, "90").ranked(2, "85").ranked(3, "80").ranked(3, "80").ranked(5, "70");

        assertThat(advancing(results.event(3, null))).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aTieJustAboveTheBoundarySkipsTheNextRank() {
        Results results = new Results().ranked(1, "90").ranked(2, "85").ranked(2, "85").ranked(4, "80");

        assertThat(advancing(results.event(3, null))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aMinimumScoreHoldsBackLowTotalsEvenWithinTheQuota() {
        Results results = new Results().ranked(1, "90").ranked(2, "60.00").ranked(3, "59.99");

        assertThat(advancing(results.event(3, "60"))).containsExactly(1L, 2L);
    }

    @Test
    void onlyActiveEntriesAdvance() {
        Results results = new Results().ranked(1, "90").add(null, "95", EntryStatus.DQ).add(null, "0", EntryStatus.DNS);

        assertThat(advancing(results.event(3, null))).containsExactly(1L);
    }

    @Test
    void aQuotaOfZeroAdvancesNobody() {
        assertThat(advancing(new Results().ranked(1, "90").event(0, null))).isEmpty();
    }

    @Test
    void theNewEntryKeepsItsHomeRegionAndGetsARegionPrefixedBib() {
        AdvancementPlan plan = planned(new Results().ranked(1, "90").event(1, null), target(LATHE));

        assertThat(plan.advancing()).containsExactly(new AdvancingEntry(1, 1, TARGET_EVENT, "110112-A01",
                Regions.TONGZHOU, List.of(People.person(0))));
        assertThat(plan.skipped()).isEmpty();
    }

    @Test
    void anEventWithNoMatchInTheFedContestIsSkipped() {
        AdvancementPlan plan = planned(new Results().ranked(1, "90").event(1, null), target(WELDING),
                target(new EventKey("6-18-01-01", Group.STUDENT, Mode.INDIVIDUAL)),
                target(new EventKey("6-18-01-01", Group.EMPLOYEE, Mode.TEAM)));

        assertThat(plan.advancing()).isEmpty();
        assertThat(plan.skipped()).containsExactly(new Skipped(10, null, SkipReason.NO_MATCHING_EVENT));
    }

    @Test
    void aPersonAlreadyEnteredInTheTargetIsNotEnteredTwice() {
        AdvancementPlan plan = planned(new Results().ranked(1, "90").ranked(2, "80").event(2, null),
                target(LATHE, People.person(1)));

        assertThat(plan.advancing()).extracting(AdvancingEntry::sourceEntryId).containsExactly(1L);
        assertThat(plan.skipped()).containsExactly(new Skipped(10, 2L, SkipReason.ALREADY_ENTERED));
    }

    @Test
    void advancingAgainEntersNobodyNew() {
        SourceEvent source = new Results().ranked(1, "90").ranked(2, "80").event(2, null);

        AdvancementPlan again = planned(source, target(LATHE, People.person(0), People.person(1)));

        assertThat(again.advancing()).isEmpty();
    }

    @Test
    void theFedContestMustStillTakeEntries() {
        SourceEvent source = new Results().ranked(1, "90").event(1, null);

        assertThat(Advancement.plan(ContestStatus.FINAL, Regions.TONGZHOU, List.of(source), ContestStatus.RUNNING,
                List.of(target(LATHE)))).isInstanceOf(Advancement.Outcome.WrongState.class);
        assertThat(Advancement.plan(ContestStatus.FINAL, Regions.TONGZHOU, List.of(source), ContestStatus.DRAFT,
                List.of(target(LATHE)))).isInstanceOf(Advancement.Outcome.Planned.class);
    }

    @Test
    void onlyAFinalContestAdvances() {
        SourceEvent source = new Results().ranked(1, "90").event(1, null);

        assertThat(Advancement.plan(ContestStatus.PUBLISHED, Regions.TONGZHOU, List.of(source), ContestStatus.OPEN,
                List.of(target(LATHE)))).isInstanceOf(Advancement.Outcome.WrongState.class);
    }

    @Test
    void aRepeatSkipsEntriesThatAdvancedBeforeWithoutCallingThemAlreadyEntered() {
        SourceEvent source = new Results().ranked(1, "90").ranked(2, "80").event(2, null);
        TargetEvent advancedBefore = new TargetEvent(TARGET_EVENT, LATHE, Set.of(People.person(0), People.person(1)),
                Set.of("110112-A01", "110112-A02"), Set.of(1L, 2L), null);

        AdvancementPlan again = planned(source, advancedBefore);

        assertThat(again.advancing()).isEmpty();
        assertThat(again.skipped()).isEmpty();
    }

    @Test
    void anEventWithoutAQuotaSendsNobodyAndSaysSo() {
        SourceEvent source = new SourceEvent(10, LATHE, null, null, new Results().ranked(1, "90").rows());

        AdvancementPlan plan = planned(source, target(LATHE));

        assertThat(plan.advancing()).isEmpty();
        assertThat(plan.skipped()).containsExactly(new Skipped(10, null, SkipReason.NO_QUOTA));
    }

    @Test
    void entriesWithinTheQuotaButBelowTheMinimumAreReportedAsSkipped() {
        Results results = new Results().ranked(1, "90").ranked(2, "59.99").ranked(3, "40");

        AdvancementPlan plan = planned(results.event(2, "60"), target(LATHE));

        assertThat(plan.advancing()).extracting(AdvancingEntry::sourceEntryId).containsExactly(1L);
        assertThat(plan.skipped()).containsExactly(new Skipped(10, 2L, SkipReason.BELOW_MIN_SCORE));
    }

    @Test
    void aResultWithoutATotalNeverMeetsAMinimum() {
        List<RankedResult> rows = List.of(new RankedResult(1, "W01", 1, null, EntryStatus.ACTIVE, Regions.TONGZHOU,
                List.of(People.person(0))));

        assertThat(Advancement.select(rows, 1, new BigDecimal("1"))).isEmpty();
        assertThat(Advancement.select(rows, 1, null)).hasSize(1);
    }

    @Test
    void aTakenBibOrAnotherTeamSizeIsSkippedNotCollided() {
        SourceEvent source = new Results().ranked(1, "90").ranked(2, "80").event(2, null);
        TargetEvent bibTaken = new TargetEvent(TARGET_EVENT, LATHE, Set.of(), Set.of("110112-A01"), Set.of(), null);
        TargetEvent teams = new TargetEvent(TARGET_EVENT, LATHE, Set.of(), Set.of(), Set.of(), 2);

        assertThat(planned(source, bibTaken).skipped()).containsExactly(new Skipped(10, 1L, SkipReason.BIB_TAKEN));
        assertThat(planned(source, teams).skipped()).containsExactly(
                new Skipped(10, 1L, SkipReason.TEAM_SIZE_DIFFERS), new Skipped(10, 2L, SkipReason.TEAM_SIZE_DIFFERS));
    }
}
