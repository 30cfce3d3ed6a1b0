package org.craftmark.core.certificates;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.craftmark.core.common.Problem;
import org.craftmark.core.common.RuleViolation;
import org.craftmark.core.contest.SkillLevel;
import org.craftmark.core.pipeline.RegionCode;

/**
 * The first 16 characters of a certificate number, the part sequences are counted in: {@code S},
 * evaluation-organization code (4 digits), province code (2), site code (6, the contest id), year
 * (2) and level digit (1–5).
 */
public record CertificatePrefix(String evaluationOrgCode, String provinceCode, String siteCode,
                                String yearCode, int levelDigit) {
    /** The evaluation organization's code when none is configured. */
    public static final String DEFAULT_EVALUATION_ORG_CODE = "0001";
    static final int LENGTH = 16;
    private static final int MAX_SITE = 999_999;

    public CertificatePrefix {
        List<Problem> problems = new ArrayList<>();
        requireDigits(problems, "evaluationOrgCode", evaluationOrgCode, 4);
        requireDigits(problems, "provinceCode", provinceCode, 2);
        requireDigits(problems, "siteCode", siteCode, 6);
        requireDigits(problems, "yearCode", yearCode, 2);
        if (levelDigit < 1 || levelDigit > 5) {
            problems.add(new Problem("levelDigit", "must be 1–5"));
        }
        RuleViolation.throwIfAny(problems);
    }

    /**
     * The prefix for certificates of {@code level} issued by a contest: province from the first two
     * digits of the contest's region code, site from its id, year as its last two digits.
     *
     * @throws RuleViolation when the contest id does not fit 6 digits or a part is malformed
     */
    public static CertificatePrefix of(String evaluationOrgCode, RegionCode contestRegion, long contestId,
                                       int year, SkillLevel level) {
        Objects.requireNonNull(contestRegion, "contestRegion");
        if (contestId < 1 || contestId > MAX_SITE) {
            throw new RuleViolation("contestId", "must be 1–" + MAX_SITE + " to fit the 6-digit site code");
        }
        if (level == SkillLevel.NONE) {
            throw new RuleViolation("level", "certificates are issued for levels L5–L1");
        }
        if (year < 0) {
            throw new RuleViolation("year", "must not be negative");
        }
        return new CertificatePrefix(evaluationOrgCode, contestRegion.provinceCode(),
                Digits.padded(contestId, 6), Digits.padded(year % 100, 2), level.digit());
    }

    private static void requireDigits(List<Problem> problems, String field, String value, int length) {
        if (!Digits.are(value, length)) {
            problems.add(new Problem(field, "must be " + length + " digits"));
        }
    }

    /** The level this prefix's certificates certify. */
    public SkillLevel level() {
        return SkillLevel.values()[6 - levelDigit];
    }

    /** The 16 characters, e.g. {@code S000111000042263}. */
    @Override
    public String toString() {
        return "S" + evaluationOrgCode + provinceCode + siteCode + yearCode + levelDigit;
    }
}
