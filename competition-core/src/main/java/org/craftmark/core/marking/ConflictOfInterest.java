package org.craftmark.core.marking;

import java.util.Collection;
import java.util.Objects;

/**
 * 回避: a judge may not mark an entry when the judge's affiliation equals (trimmed, case-sensitive)
 * the employer or training unit of the competitor, or of any member of the team. The panel must
 * still supply the required number of marks from the other judges.
 */
public final class ConflictOfInterest {
    private ConflictOfInterest() {
    }

    /**
     * @param judgeAffiliation the judge's work unit; none means no conflict
     * @param entryUnits       every employer and training unit of the entry's members (nulls allowed)
     */
    public static boolean exists(String judgeAffiliation, Collection<String> entryUnits) {
        if (judgeAffiliation == null || judgeAffiliation.isBlank()) {
            return false;
        }
        String affiliation = judgeAffiliation.strip();
        return entryUnits.stream().filter(Objects::nonNull).map(String::strip).anyMatch(affiliation::equals);
    }
}
