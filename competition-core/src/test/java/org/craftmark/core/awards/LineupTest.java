package org.craftmark.core.awards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.craftmark.core.contest.Group;
import org.craftmark.core.contest.Mode;
import org.junit.jupiter.api.Test;

class LineupTest {
    @Test
    void teamsOfTwoArePairsAndAnyMoreAreLargerTeams() {
        assertThat(Lineup.of(Mode.INDIVIDUAL, null)).isEqualTo(Lineup.INDIVIDUAL);
        assertThat(Lineup.of(Mode.TEAM, 2)).isEqualTo(Lineup.PAIR);
        assertThat(Lineup.of(Mode.TEAM, 3)).isEqualTo(Lineup.LARGER_TEAM);
        assertThat(Lineup.of(Mode.TEAM, 6)).isEqualTo(Lineup.LARGER_TEAM);
    }

    @Test
    void aTeamEventNeedsATeamSize() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EventFacts(Group.EMPLOYEE, Mode.TEAM, null, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> Lineup.of(Mode.TEAM, 1));
    }
}
