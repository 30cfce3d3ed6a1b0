package org.craftmark.server.auth;

import org.craftmark.core.pipeline.RegionCode;
import org.craftmark.core.pipeline.RegionTree;
import org.craftmark.server.http.ApiException;

/**
 * Least privilege, in one place: who may run a contest held in a region, and who may see the
 * personal data (resident ID numbers) of its competitors.
 */
public final class Access {
    private Access() {
    }

    /** ADMIN, or an ORGANIZER whose region contains {@code region}; else 403. */
    public static void requireOrganizerOf(SignedInUser actor, RegionCode region, RegionTree regions) {
        if (!isOrganizerOf(actor, region, regions)) {
            throw ApiException.forbidden("Only the organizer of region " + region + " (or ADMIN) may do this.");
        }
    }

    public static boolean isOrganizerOf(SignedInUser actor, RegionCode region, RegionTree regions) {
        return actor.is(Role.ADMIN) || actor.is(Role.ORGANIZER) && within(actor, region, regions);
    }

    /** ADMIN, the organizer of the contest's region, and HR of a region containing it. */
    public static boolean seesPersonalData(SignedInUser actor, RegionCode region, RegionTree regions) {
        return isOrganizerOf(actor, region, regions) || actor.is(Role.HR) && within(actor, region, regions);
    }

    /**
     * Who may read a winner's entitlement or certificate (with the ID number): ADMIN, the organizers
     * of the contest's region, and HR of a region holding the contest or the winner's home region.
     */
    public static boolean readsWinner(SignedInUser actor, RegionCode contestRegion, RegionCode homeRegion, RegionTree regions) {
        return isOrganizerOf(actor, contestRegion, regions)
                || actor.is(Role.HR) && (within(actor, contestRegion, regions) || within(actor, homeRegion, regions));
    }

    public static void requireAdmin(SignedInUser actor) {
        if (!actor.is(Role.ADMIN)) {
            throw ApiException.forbidden("Only ADMIN may do this.");
        }
    }

    private static boolean within(SignedInUser actor, RegionCode region, RegionTree regions) {
        return actor.regionCode() != null && regions.isWithin(region, new RegionCode(actor.regionCode()));
    }
}
