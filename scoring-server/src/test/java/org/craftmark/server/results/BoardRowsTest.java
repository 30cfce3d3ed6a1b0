package org.craftmark.server.results;

import org.craftmark.core.contest.EntryStatus;
import org.craftmark.core.contest.Group;
import org.craftmark.core.contest.Mode;
import org.craftmark.core.contest.SkillLevel;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.MarkingScheme;
import org.craftmark.core.marking.Method;
import org.craftmark.core.marking.Panel;
import org.craftmark.core.marking.SeatCoverage;
import org.craftmark.core.pipeline.RegionCode;
import org.craftmark.server.store.EntryStore.Member;
import org.craftmark.server.store.EntryStore.StoredEntry;
import org.craftmark.server.store.EventStore.StoredEvent;
import org.craftmark.server.store.MarkStore.StoredMark;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a leaderboard row tells a big screen beyond rank and total: whether any mark is in, and who is in the team. */
@DisplayName("Leaderboard rows for screens")
class BoardRowsTest {
    private static final long JUDGE = 7;

    @Test
    @DisplayName("a team row names its members; a row with no counting mark yet is not marked")
    void teamMembersAndNotYetMarked() {
        MarkingScheme scheme = MarkingScheme.of(List.of(
                new Criterion("A1", "A", "装配", Kind.MEASUREMENT, BigDecimal.valueOf(30), Method.SINGLE, 1)), List.of());
        StoredEvent event = new StoredEvent(1, 1, "6-30-99-00", "工业机器人系统操作员", Group.EMPLOYEE, Mode.TEAM, 2, 3, null,
                scheme, false, false);
        StoredEntry marked = team(11, "T01", "红星队", "张伟", "李娜");
        StoredEntry waiting = team(12, "T02", "京华队", "王强", "赵敏");
        StoredMark mark = new StoredMark(100, JUDGE, "m-1", 1, 11, "A1", 1, BigDecimal.valueOf(20), null, null, Instant.EPOCH);
        Panel panel = new Panel(Map.of(JUDGE, new SeatCoverage.All()));

        EventBoard board = new EventBoard(event, panel, List.of(marked, waiting), List.of(mark), List.of(), 0);

        Map<String, BoardRow> rows = new java.util.HashMap<>();
        board.snapshot().rows().forEach(r -> rows.put(r.bib(), r));
        assertThat(rows.get("T01").members()).containsExactly("张伟", "李娜");
        assertThat(rows.get("T01").marked()).isTrue();
        assertThat(rows.get("T02").marked()).as("no mark in yet: a screen says 待评").isFalse();
        assertThat(rows.get("T02").name()).isEqualTo("京华队");
    }

    private static StoredEntry team(long id, String bib, String name, String first, String second) {
        return new StoredEntry(id, 1, bib, name, EntryStatus.ACTIVE, null, null, new RegionCode("110112"), null, null,
                List.of(new Member(first, "11010519491231002X", "红星机械厂", null, SkillLevel.NONE),
                        new Member(second, "110105199003070017", "红星机械厂", null, SkillLevel.NONE)));
    }
}
