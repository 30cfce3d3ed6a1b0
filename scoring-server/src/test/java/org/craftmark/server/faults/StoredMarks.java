package org.craftmark.server.faults;

import org.craftmark.server.testing.TestDatabase;
import org.jooq.Record4;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;

import static org.craftmark.server.faults.StraightFromTheDatabase.read;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

/** What the database holds, read straight from it (not through the server under test). */
final class StoredMarks {
    private StoredMarks() {
    }

    static List<String> clientMarkIds(TestDatabase db, long judgeId) throws SQLException {
        return read(db, dsl -> dsl.select(field("client_mark_id", String.class)).from(table("marks"))
                .where(field("judge_user_id", Long.class).eq(judgeId)).fetch(r -> r.value1()));
    }

    static List<String> allClientMarkIds(TestDatabase db) throws SQLException {
        return read(db, dsl -> dsl.select(field("client_mark_id", String.class)).from(table("marks")).fetch(r -> r.value1()));
    }

    /** Every version of every mark of the event. */
    static List<Recomputed.Mark> ofEvent(TestDatabase db, long eventId) throws SQLException {
        return read(db, dsl -> dsl.select(field("entry_id", Long.class), field("criterion_code", String.class),
                        field("version", Integer.class), field("mark_value", BigDecimal.class))
                .from(table("marks")).where(field("event_id", Long.class).eq(eventId))
                .fetch((Record4<Long, String, Integer, BigDecimal> r) -> new Recomputed.Mark(r.value1(), r.value2(), r.value3(), r.value4())));
    }
}
