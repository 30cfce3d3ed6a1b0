package org.craftmark.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftmark.core.pipeline.ContestStatus.DRAFT;
import static org.craftmark.core.pipeline.ContestStatus.FINAL;
import static org.craftmark.core.pipeline.ContestStatus.OPEN;
import static org.craftmark.core.pipeline.ContestStatus.PUBLISHED;
import static org.craftmark.core.pipeline.ContestStatus.RUNNING;

import java.time.Instant;
import java.util.List;
import org.craftmark.core.common.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class LifecycleTest {
    private static final Instant PUBLISHED_AT = Instant.parse("2026-11-21T09:30:00Z");
    private static final NoticePeriod FIVE_DAYS = new NoticePeriod(PUBLISHED_AT, 5);
    private static final Instant NOTICE_ENDS = Instant.parse("2026-11-26T09:30:00Z");

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource({"DRAFT, OPEN, OPEN", "OPEN, START, RUNNING", "RUNNING, PUBLISH, PUBLISHED", "PUBLISHED, FINALIZE, FINAL"})
    void eachActionMovesFromItsStateToTheNext(ContestStatus from, LifecycleAction action, ContestStatus to) {
        assertThat(from.transition(action)).isEqualTo(new Transition.Moved(from, to));
    }

    @ParameterizedTest(name = "{0} repeated")
    @EnumSource(LifecycleAction.class)
    void repeatingAnActionChangesNothing(LifecycleAction action) {
        assertThat(action.to().transition(action)).isEqualTo(new Transition.Repeated(action.to()));
    }

    @ParameterizedTest(name = "{1} on a {0} contest")
    @CsvSource({"DRAFT, START", "DRAFT, PUBLISH", "OPEN, FINALIZE", "RUNNING, OPEN", "FINAL, PUBLISH", "PUBLISHED, START"})
    void anActionOutOfOrderIsTheWrongState(ContestStatus current, LifecycleAction action) {
        Transition transition = current.transition(action);

        assertThat(transition).isInstanceOf(Transition.WrongState.class);
        assertThat(transition.status()).isEqualTo(current);
        assertThat(((Transition.WrongState) transition).problem().problem())
                .isEqualTo("cannot " + action.verb() + " a contest that is " + current + "; it must be " + action.from());
    }

    @Test
    void theNoticePeriodEndsWholeDaysAfterPublication() {
        assertThat(FIVE_DAYS.endsAt()).isEqualTo(NOTICE_ENDS);
        assertThat(new NoticePeriod(PUBLISHED_AT, 0).endsAt()).isEqualTo(PUBLISHED_AT);
    }

    @Test
    void noticeDaysAre0To30() {
        assertThat(NoticePeriod.daysProblems(0)).isEmpty();
        assertThat(NoticePeriod.daysProblems(30)).isEmpty();
        assertThat(NoticePeriod.daysProblems(31)).singleElement().extracting("field").isEqualTo("noticeDays");
        assertThat(NoticePeriod.daysProblems(-1)).hasSize(1);
    }

    @Test
    void appealsAreTakenUntilTheNoticeEnds() {
        assertThat(FIVE_DAYS.acceptsAppeals(NOTICE_ENDS.minusSeconds(1))).isTrue();
        assertThat(FIVE_DAYS.acceptsAppeals(NOTICE_ENDS)).isFalse();
    }

    @Test
    void finalizesFromTheEndOfTheNoticePeriod() {
        assertThat(Lifecycle.finalize(PUBLISHED, NOTICE_ENDS, FIVE_DAYS, List.of(), List.of()))
                .isEqualTo(new Transition.Moved(PUBLISHED, FINAL));
    }

    @Test
    void cannotFinalizeDuringTheNoticePeriod() {
        Transition early = Lifecycle.finalize(PUBLISHED, NOTICE_ENDS.minusMillis(1), FIVE_DAYS, List.of(), List.of());

        assertThat(early).isInstanceOf(Transition.Blocked.class);
        assertThat(((Transition.Blocked) early).problems()).extracting("field").containsExactly("noticeEndsAt");
        assertThat(early.status()).isEqualTo(PUBLISHED);
    }

    @Test
    void cannotFinalizeWithAnAppealOpen() {
        Transition blocked = Lifecycle.finalize(PUBLISHED, NOTICE_ENDS.plusSeconds(86_400), FIVE_DAYS,
                List.of(new AppealRef(12, "A07"), new AppealRef(15, "B03")), List.of());

        assertThat(((Transition.Blocked) blocked).problems())
                .containsExactly(new Problem("appeals", "2 appeals are open: A07 (#12), B03 (#15)"));
    }

    @Test
    void cannotFinalizeBeforeUpheldCorrectionsArePublished() {
        Transition blocked = Lifecycle.finalize(PUBLISHED, NOTICE_ENDS, FIVE_DAYS, List.of(), List.of(new AppealRef(3, "C01")));

        assertThat(((Transition.Blocked) blocked).problems()).containsExactly(new Problem("resultsVersion",
                "1 upheld appeal has corrections not yet published: C01 (#3); republish first"));
    }

    @Test
    void finalizingAgainIsANoOpWhateverTheTime() {
        assertThat(Lifecycle.finalize(FINAL, PUBLISHED_AT, FIVE_DAYS, List.of(new AppealRef(1, "A01")), List.of())).isEqualTo(new Transition.Repeated(FINAL));
    }

    @Test
    void finalizingAnUnpublishedContestIsTheWrongState() {
        assertThat(Lifecycle.finalize(RUNNING, NOTICE_ENDS, null, List.of(), List.of())).isInstanceOf(Transition.WrongState.class);
    }

    @Test
    void onlyDraftAndOpenContestsTakeEntries() {
        assertThat(ContestStatus.values()).filteredOn(ContestStatus::acceptsEntries).containsExactly(DRAFT, OPEN);
    }
}
