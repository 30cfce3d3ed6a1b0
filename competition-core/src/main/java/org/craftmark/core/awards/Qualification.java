package org.craftmark.core.awards;

import java.util.EnumSet;
import java.util.Set;
import org.craftmark.core.contest.Prize;

/** Who qualifies under a table row: by prize, or by rank. */
public sealed interface Qualification {
    boolean admits(Placing placing);

    /** Every prize winner, EXCELLENCE included. */
    static Qualification anyPrize() {
        return new PrizeIn(EnumSet.allOf(Prize.class));
    }

    static Qualification prizeIn(Prize first, Prize... rest) {
        return new PrizeIn(EnumSet.of(first, rest));
    }

    static Qualification rankAtMost(int rank) {
        return new RankAtMost(rank);
    }

    /** Placings whose prize is one of these. */
    record PrizeIn(Set<Prize> prizes) implements Qualification {
        public PrizeIn {
            prizes = Set.copyOf(prizes);
        }

        @Override
        public boolean admits(Placing placing) {
            return placing.prize().filter(prizes::contains).isPresent();
        }
    }

    /** Placings ranked at or above {@code rank}; entries sharing a rank qualify together. */
    record RankAtMost(int rank) implements Qualification {
        public RankAtMost {
            if (rank < 1) {
                throw new IllegalArgumentException("rank must be at least 1");
            }
        }

        @Override
        public boolean admits(Placing placing) {
            return placing.rank() <= rank;
        }
    }
}
