package org.craftmark.server.access;

/**
 * The callers of the authorization matrix, one column each: every role, and for the scoped roles
 * one inside the seeded contests' region (北京市) and one outside it (天津市).
 */
public enum Caller {
    ADMIN("admin"),
    ORGANIZER_IN("m-org-in"),
    ORGANIZER_OUT("m-org-out"),
    HR_IN("m-hr-in"),
    HR_OUT("m-hr-out"),
    JUDGE_ON("m-judge-on"),
    JUDGE_OFF("m-judge-off"),
    CHIEF("m-chief"),
    ANONYMOUS(null);

    /** The user the caller signs in as; null for the public. */
    public final String username;

    Caller(String username) {
        this.username = username;
    }
}
