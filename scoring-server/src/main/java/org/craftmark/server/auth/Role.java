package org.craftmark.server.auth;

/**
 * What a signed-in user may do. ORGANIZER and HR are scoped to a region and its sub-regions;
 * a JUDGE marks what its panels assign; ADMIN may do everything an organizer of any contest may.
 */
public enum Role {
    ADMIN, ORGANIZER, HR, JUDGE;

    /** Roles whose powers stop at the border of their region. */
    public boolean isRegionScoped() {
        return this == ORGANIZER || this == HR;
    }
}
