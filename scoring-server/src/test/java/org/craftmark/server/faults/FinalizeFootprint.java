package org.craftmark.server.faults;

import org.craftmark.server.testing.TestDatabase;

import java.util.Map;

import static org.craftmark.server.faults.StraightFromTheDatabase.read;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

/**
 * Everything a finalization of one contest writes, read straight from the database: the contest's
 * status, its entitlement rows and their awards, its certificates, every certificate-number counter
 * (a moved one would mean numbers burnt) and the length of the audit chain. Two footprints are equal
 * exactly when nothing of a finalization was stored between them.
 */
record FinalizeFootprint(String status, int entitlements, int awards, int certificates, Map<String, Integer> counters,
                         int auditEntries) {

    static FinalizeFootprint of(TestDatabase db, long contest) {
        return read(db, dsl -> new FinalizeFootprint(
                dsl.select(field("status", String.class)).from(table("contests")).where(field("id").eq(contest)).fetchSingle().value1(),
                dsl.fetchCount(table("entitlements"), field("contest_id").eq(contest)),
                dsl.selectCount().from(table("entitlement_awards"))
                        .join(table("entitlements")).on(field("entitlements.id").eq(field("entitlement_awards.entitlement_id")))
                        .where(field("entitlements.contest_id").eq(contest)).fetchSingle().value1(),
                dsl.fetchCount(table("certificates"), field("contest_id").eq(contest)),
                Map.copyOf(dsl.select(field("prefix", String.class), field("last_sequence", Integer.class))
                        .from(table("certificate_sequences")).fetchMap(r -> r.value1(), r -> r.value2())),
                dsl.fetchCount(table("audit_log"))));
    }
}
