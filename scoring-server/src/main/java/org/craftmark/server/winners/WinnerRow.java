package org.craftmark.server.winners;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of the HR winner list ({@code GET /api/v1/winners}): the fields of the contract's JSON
 * item, in its order. Enumerated values are their contract names ({@code CITY}, {@code GOLD},
 * {@code L2}, {@code VALID}), as they come from the store.
 *
 * @param idNumber       the full resident ID, or null where the caller may not see it (only HR and
 *                       ADMIN do)
 * @param total          the entry's total, at most 2 decimals; null for recorded results
 *                       (results:import ranks without marks)
 * @param prize          GOLD/SILVER/BRONZE/EXCELLENCE, or null
 * @param levelAwarded   L5–L1, or null
 * @param certificateNo  the 22-character certificate number, or null when no level was awarded
 * @param individualAward whole yuan, summed over paying regions; 0 when none
 * @param unitAward      whole yuan paid to the training unit on this row; 0 when none
 * @param status         the certificate's VALID or REVOKED, null without a certificate
 */
public record WinnerRow(String name, String idNumber, String employer, String trainingUnit, long contestId,
                        String contest, String tier, String regionCode, int year, String occupationCode,
                        String occupationName, String group, int rank, BigDecimal total, String prize,
                        String levelAwarded, String certificateNo, String title, long individualAward,
                        long unitAward, String status) {
    private static final int MAX_DECIMALS = 2;

    public WinnerRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contest, "contest");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(occupationCode, "occupationCode");
        Objects.requireNonNull(occupationName, "occupationName");
        Objects.requireNonNull(group, "group");
        total = plain(total);
        if (individualAward < 0 || unitAward < 0) {
            throw new IllegalArgumentException("awards are not negative");
        }
    }

    /**
     * A total no writer can misprint: never in exponent form (1E+2 becomes 100), and never rounded
     * here — a third decimal is the caller's bug, not something to hide.
     */
    private static BigDecimal plain(BigDecimal total) {
        if (total == null) {
            return null;
        }
        if (total.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw new IllegalArgumentException("a total has at most " + MAX_DECIMALS + " decimals");
        }
        return total.scale() < 0 ? total.setScale(0) : total;
    }
}
