package org.craftmark.core.contest;

/**
 * 职业技能等级, from NONE up to L1 (一级/高级技师, the highest). Declared lowest first, so
 * {@link #isBelow} is a comparison of ordinals.
 */
public enum SkillLevel {
    NONE("无"),
    L5("五级/初级工"),
    L4("四级/中级工"),
    L3("三级/高级工"),
    L2("二级/技师"),
    L1("一级/高级技师");

    private final String chineseName;

    SkillLevel(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The name printed on certificates and verification pages, e.g. {@code 二级/技师}. */
    public String chineseName() {
        return chineseName;
    }

    public boolean isBelow(SkillLevel other) {
        return compareTo(other) < 0;
    }

    /** The higher of two levels. */
    public static SkillLevel highest(SkillLevel a, SkillLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The digit used in certificate numbers (1–5); NONE has none. */
    public int digit() {
        if (this == NONE) {
            throw new IllegalStateException("NONE has no level digit");
        }
        return 6 - ordinal();
    }
}
