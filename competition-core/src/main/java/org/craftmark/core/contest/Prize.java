package org.craftmark.core.contest;

/** 奖项: GOLD/SILVER/BRONZE (一二三等奖) and EXCELLENCE (优胜奖). */
public enum Prize {
    GOLD, SILVER, BRONZE, EXCELLENCE;

    /** GOLD, SILVER and BRONZE are the prizes that cash-award policies pay. */
    public boolean isMedal() {
        return this != EXCELLENCE;
    }
}
