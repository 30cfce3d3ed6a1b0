package org.craftmark.server.store;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.TableField;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static org.craftmark.server.store.schema.Tables.APPEALS;
import static org.craftmark.server.store.schema.Tables.AUDIT_HEAD;
import static org.craftmark.server.store.schema.Tables.AUDIT_LOG;
import static org.craftmark.server.store.schema.Tables.AUTH_TOKENS;
import static org.craftmark.server.store.schema.Tables.AWARD_POLICIES;
import static org.craftmark.server.store.schema.Tables.CERTIFICATES;
import static org.craftmark.server.store.schema.Tables.CERTIFICATE_SEQUENCES;
import static org.craftmark.server.store.schema.Tables.CONTESTS;
import static org.craftmark.server.store.schema.Tables.CRITERIA;
import static org.craftmark.server.store.schema.Tables.ENTITLEMENTS;
import static org.craftmark.server.store.schema.Tables.ENTITLEMENT_AWARDS;
import static org.craftmark.server.store.schema.Tables.ENTRIES;
import static org.craftmark.server.store.schema.Tables.ENTRY_MEMBERS;
import static org.craftmark.server.store.schema.Tables.EVENTS;
import static org.craftmark.server.store.schema.Tables.MARKS;
import static org.craftmark.server.store.schema.Tables.PANEL_MEMBERS;
import static org.craftmark.server.store.schema.Tables.PERSONS;
import static org.craftmark.server.store.schema.Tables.PUBLISHED_RESULTS;
import static org.craftmark.server.store.schema.Tables.RECHECKS;
import static org.craftmark.server.store.schema.Tables.RECHECK_ITEMS;
import static org.craftmark.server.store.schema.Tables.RECORDED_RESULTS;
import static org.craftmark.server.store.schema.Tables.REGIONS;
import static org.craftmark.server.store.schema.Tables.USERS;
import static org.craftmark.server.store.schema.Tables.WS_TICKETS;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;

/**
 * The rows of one contest, table by table, for a backup, and putting them back. Rows travel as
 * column name → value maps (Long, Integer, String, Boolean, BigDecimal, or null) so that a column
 * added by a later migration is carried without changes here; a table added later must be listed
 * in {@link #CONTEST_TABLES} or {@link #NOT_BACKED_UP} (a test holds every table to that).
 */
public final class BackupStore {
    /** One row of {@code table}: column name → value. */
    public record Row(String table, Map<String, Object> values) {
    }

    /** A reference to a row outside the backup, cleared on restore (the database would refuse it). */
    public record Detached(String table, String column, Object value) {
    }

    /** The tables a contest's backup holds, in an order where every row's references come before it. */
    public static final List<Table<?>> CONTEST_TABLES = List.of(REGIONS, USERS, CONTESTS, EVENTS, CRITERIA, PERSONS, ENTRIES,
            ENTRY_MEMBERS, PANEL_MEMBERS, MARKS, RECHECKS, RECHECK_ITEMS, PUBLISHED_RESULTS, APPEALS, RECORDED_RESULTS,
            AWARD_POLICIES, ENTITLEMENTS, ENTITLEMENT_AWARDS, CERTIFICATE_SEQUENCES, CERTIFICATES);
    /** Sessions are not kept; the audit chain travels through {@link AuditStore}. */
    public static final List<Table<?>> NOT_BACKED_UP = List.of(AUTH_TOKENS, WS_TICKETS, AUDIT_LOG, AUDIT_HEAD);

    /** Links a contest may have to rows of other contests (a higher tier, an advanced entry's source) → the id they name. */
    private static final Map<TableField<?, Long>, TableField<?, Long>> OUTWARD_LINKS = Map.of(
            CONTESTS.FEEDS_INTO, CONTESTS.ID,
            ENTRIES.SOURCE_ENTRY_ID, ENTRIES.ID);

    private final DSLContext dsl;

    BackupStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The names of {@link #CONTEST_TABLES}, in restore order. */
    public static List<String> tableNames() {
        return CONTEST_TABLES.stream().map(Table::getName).toList();
    }

    /** Hands every row of contest {@code contestId} to {@code sink}, table by table in {@link #CONTEST_TABLES} order. */
    public void dumpContest(long contestId, Consumer<Row> sink) {
        for (Table<?> table : CONTEST_TABLES) {
            rowsOf(table, contestId).forEach(values -> sink.accept(new Row(table.getName(), values)));
        }
    }

    private List<Map<String, Object>> rowsOf(Table<?> table, long contestId) {
        if (table == REGIONS) {
            return parentsFirst(dsl.selectFrom(REGIONS).orderBy(REGIONS.CODE).fetchMaps());
        }
        return dsl.selectFrom(table)
                .where(belongsTo(table, contestId))
                .orderBy(table.getPrimaryKey().getFields())
                .fetchMaps();
    }

    /** Which rows of {@code table} contest {@code c} needs. */
    private static Condition belongsTo(Table<?> table, long c) {
        Select<Record1<Long>> events = select(EVENTS.ID).from(EVENTS).where(EVENTS.CONTEST_ID.eq(c));
        Map<Table<?>, Condition> rules = Map.ofEntries(
                Map.entry(USERS, usersNeeded(c, events)),
                Map.entry(CONTESTS, CONTESTS.ID.eq(c)),
                Map.entry(EVENTS, EVENTS.CONTEST_ID.eq(c)),
                Map.entry(CRITERIA, CRITERIA.EVENT_ID.in(events)),
                Map.entry(PERSONS, PERSONS.ID.in(select(ENTRY_MEMBERS.PERSON_ID).from(ENTRY_MEMBERS).where(ENTRY_MEMBERS.EVENT_ID.in(events)))),
                Map.entry(ENTRIES, ENTRIES.EVENT_ID.in(events)),
                Map.entry(ENTRY_MEMBERS, ENTRY_MEMBERS.EVENT_ID.in(events)),
                Map.entry(PANEL_MEMBERS, PANEL_MEMBERS.EVENT_ID.in(events)),
                Map.entry(MARKS, MARKS.EVENT_ID.in(events)),
                Map.entry(RECHECKS, RECHECKS.EVENT_ID.in(events)),
                Map.entry(RECHECK_ITEMS, RECHECK_ITEMS.RECHECK_ID.in(select(RECHECKS.ID).from(RECHECKS).where(RECHECKS.EVENT_ID.in(events)))),
                Map.entry(PUBLISHED_RESULTS, PUBLISHED_RESULTS.EVENT_ID.in(events)),
                Map.entry(APPEALS, APPEALS.CONTEST_ID.eq(c)),
                Map.entry(RECORDED_RESULTS, RECORDED_RESULTS.EVENT_ID.in(events)),
                // Award policies are the regions' standing settings, few, and needed to finalize again.
                Map.entry(AWARD_POLICIES, noCondition()),
                Map.entry(ENTITLEMENTS, ENTITLEMENTS.CONTEST_ID.eq(c)),
                Map.entry(ENTITLEMENT_AWARDS, ENTITLEMENT_AWARDS.ENTITLEMENT_ID.in(
                        select(ENTITLEMENTS.ID).from(ENTITLEMENTS).where(ENTITLEMENTS.CONTEST_ID.eq(c)))),
                // The sequences as they stand, so a restored server never hands out a number again.
                Map.entry(CERTIFICATE_SEQUENCES, CERTIFICATE_SEQUENCES.PREFIX.in(
                        select(CERTIFICATES.PREFIX).from(CERTIFICATES).where(CERTIFICATES.CONTEST_ID.eq(c)))),
                Map.entry(CERTIFICATES, CERTIFICATES.CONTEST_ID.eq(c)));
        return Optional.ofNullable(rules.get(table))
                .orElseThrow(() -> new IllegalStateException("no backup rule for table " + table.getName()));
    }

    /** The users a contest's rows point at: its judges, chiefs, appeal filers and deciders, revokers. */
    private static Condition usersNeeded(long c, Select<Record1<Long>> events) {
        return USERS.ID.in(select(PANEL_MEMBERS.USER_ID).from(PANEL_MEMBERS).where(PANEL_MEMBERS.EVENT_ID.in(events)))
                .or(USERS.ID.in(select(MARKS.JUDGE_USER_ID).from(MARKS).where(MARKS.EVENT_ID.in(events))))
                .or(USERS.ID.in(select(MARKS.CORRECTED_BY).from(MARKS).where(MARKS.EVENT_ID.in(events))))
                .or(USERS.ID.in(select(RECHECKS.STARTED_BY).from(RECHECKS).where(RECHECKS.EVENT_ID.in(events))))
                .or(USERS.ID.in(select(RECHECK_ITEMS.RECORDED_BY).from(RECHECK_ITEMS).join(RECHECKS).on(RECHECKS.ID.eq(RECHECK_ITEMS.RECHECK_ID))
                        .where(RECHECKS.EVENT_ID.in(events))))
                .or(USERS.ID.in(select(APPEALS.FILED_BY).from(APPEALS).where(APPEALS.CONTEST_ID.eq(c))))
                .or(USERS.ID.in(select(APPEALS.RESOLVED_BY).from(APPEALS).where(APPEALS.CONTEST_ID.eq(c))))
                .or(USERS.ID.in(select(CERTIFICATES.REVOKED_BY).from(CERTIFICATES).where(CERTIFICATES.CONTEST_ID.eq(c))));
    }

    /** Regions ordered so that each comes after its parent (the parent is a foreign key). */
    private static List<Map<String, Object>> parentsFirst(List<Map<String, Object>> regions) {
        List<Map<String, Object>> ordered = new ArrayList<>();
        Set<Object> placed = new HashSet<>();
        List<Map<String, Object>> left = new ArrayList<>(regions);
        while (!left.isEmpty()) {
            int before = left.size();
            left.removeIf(r -> {
                Object parent = r.get(REGIONS.PARENT_CODE.getName());
                boolean ready = parent == null || placed.contains(parent);
                if (ready) {
                    ordered.add(r);
                    placed.add(r.get(REGIONS.CODE.getName()));
                }
                return ready;
            });
            if (left.size() == before) {
                throw new IllegalStateException("regions form a cycle or miss a parent: " + left);
            }
        }
        return ordered;
    }

    /** The backed-up tables that hold any row, with their counts: a restore needs none. */
    public Map<String, Integer> nonEmptyTables() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Table<?> table : CONTEST_TABLES) {
            int n = dsl.fetchCount(table);
            if (n > 0) {
                counts.put(table.getName(), n);
            }
        }
        return counts;
    }

    /**
     * Inserts one backed-up row as it was, ids included. A link to a row of another contest that is
     * not in this database is cleared and answered, since the database would refuse it.
     *
     * @throws IllegalArgumentException for a table or column this schema does not have
     */
    public Optional<Detached> insert(Row row) {
        Table<?> table = CONTEST_TABLES.stream().filter(t -> t.getName().equals(row.table())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("this server has no table " + row.table() + " to restore"));
        Record record = dsl.newRecord(table);
        Detached detached = null;
        for (Map.Entry<String, Object> column : row.values().entrySet()) {
            Field<?> field = Optional.ofNullable(table.field(column.getKey())).orElseThrow(() ->
                    new IllegalArgumentException("this server's table " + table.getName() + " has no column " + column.getKey()));
            Object value = column.getValue();
            if (value != null && isMissingLink(field, value)) {
                detached = new Detached(table.getName(), field.getName(), value);
                value = null;
            }
            set(record, field, value);
        }
        dsl.insertInto(table).set(record).execute();
        return Optional.ofNullable(detached);
    }

    private boolean isMissingLink(Field<?> field, Object value) {
        TableField<?, Long> target = OUTWARD_LINKS.get(field);
        return target != null && !dsl.fetchExists(target.getTable(), target.eq(target.getDataType().convert(value)));
    }

    private static <T> void set(Record record, Field<T> field, Object value) {
        record.set(field, field.getDataType().convert(value));
    }

    /** Every table of this schema, so a test can hold each to being backed up or knowingly left out. */
    public static List<String> allTables() {
        return org.craftmark.server.store.schema.DefaultSchema.DEFAULT_SCHEMA.getTables().stream()
                .map(Table::getName).toList();
    }
}
