package org.craftmark.core.awards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.IntStream;
import org.craftmark.core.contest.Category;
import org.craftmark.core.contest.Group;
import org.craftmark.core.contest.Mode;
import org.craftmark.core.contest.Prize;
import org.craftmark.core.contest.SkillLevel;
import org.craftmark.core.contest.Tier;
import org.craftmark.core.people.People;
import org.craftmark.core.pipeline.Regions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every case of the published vectors/entitlements.json with the default tables. */
class EntitlementsVectorsTest {
    private static final Entitlements DEFAULTS = Entitlements.withDefaultTables(List.of(), Regions.TREE);

    record Input(Tier tier, Category category, Group group, Mode mode, Integer teamSize, int rankedEntries,
                 int rank, SkillLevel currentLevel, boolean alreadyPromotedThisYear, String cityName) {
    }

    record Expect(Prize prize, SkillLevel levelAwarded, LevelReason levelReason, String title) {
    }

    record Case(Input input, Expect expect) {
        @Override
        public String toString() {
            Input in = input;
            return "%s %s %s %s×%s rank %d/%d %s%s → %s".formatted(in.tier, in.category, in.group, in.mode,
                    in.teamSize, in.rank, in.rankedEntries, in.currentLevel,
                    in.alreadyPromotedThisYear ? " promoted" : "", expect);
        }
    }

    static List<Case> cases() throws IOException {
        try (InputStream json = EntitlementsVectorsTest.class.getResourceAsStream("/vectors/entitlements.json")) {
            return new ObjectMapper().readValue(json, new TypeReference<>() { });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyMemberGetsThePublishedEntitlements(Case vector) {
        Input in = vector.input();
        ContestFacts contest = new ContestFacts(in.tier(), in.category(), in.cityName());
        EventFacts event = new EventFacts(in.group(), in.mode(), in.teamSize(), in.rankedEntries());
        int size = in.mode() == Mode.TEAM ? in.teamSize() : 1;
        List<Member> members = IntStream.range(0, size)
                .mapToObj(n -> new Member(People.person(n), in.currentLevel(), in.alreadyPromotedThisYear(), null, null))
                .toList();

        List<EntitlementRow> rows = DEFAULTS.forEntry(contest, event,
                new RankedEntry(1, in.rank(), Regions.TONGZHOU, members));

        assertThat(rows).hasSize(size).allSatisfy(row -> assertThat(
                new Expect(row.prize(), row.levelAwarded(), row.levelReason(), row.title()))
                .isEqualTo(vector.expect()));
    }
}
