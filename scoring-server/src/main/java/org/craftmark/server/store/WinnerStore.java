package org.craftmark.server.store;

import org.craftmark.core.pipeline.ContestStatus;
import org.craftmark.core.pipeline.RegionCode;
import org.craftmark.server.winners.WinnerRow;
import org.jooq.Condition;
import org.craftmark.server.privacy.IdNumberVault;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

import java.util.Iterator;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.craftmark.server.store.schema.Tables.CERTIFICATES;
import static org.craftmark.server.store.schema.Tables.CONTESTS;
import static org.craftmark.server.store.schema.Tables.ENTITLEMENTS;
import static org.craftmark.server.store.schema.Tables.ENTRY_MEMBERS;
import static org.craftmark.server.store.schema.Tables.EVENTS;
import static org.craftmark.server.store.schema.Tables.PERSONS;
import static org.jooq.impl.DSL.noCondition;

/**
 * HR winner lists: every entitlement row of FINAL contests that grants something, read through a
 * database cursor so that a list of 100,000 rows streams without being held in memory.
 */
public final class WinnerStore {
    /** How many rows H2 hands over at a time; MySQL's driver streams row by row (fetch size MIN_VALUE). */
    private static final int H2_FETCH_SIZE = 1_000;

    /**
     * The filters of a pull; null filters match everything.
     *
     * @param regions rows whose contest region or home region is one of these; null for every region
     */
    public record WinnerFilter(Integer year, String tier, Set<RegionCode> regions, String occupationCode) {
    }

    private final DSLContext dsl;
    private final IdNumberVault vault;

    public WinnerStore(DSLContext dsl, IdNumberVault vault) {
        this.dsl = dsl;
        this.vault = vault;
    }

    /**
     * Hands the matching rows, newest year first, to {@code consume} as an iterator backed by the
     * open cursor; the cursor (and its connection) is released when {@code consume} returns.
     *
     * <p>Only the list's columns are read, in {@link WinnerRow}'s order, and every ID number is
     * opened by one {@link IdNumberVault.Opener}: per row, that is what a 100,000-row list costs.
     */
    public <T> T stream(WinnerFilter filter, Function<Iterator<WinnerRow>, T> consume) {
        IdNumberVault.Opener ids = vault.opener();
        try (var cursor = dsl
                .select(PERSONS.NAME, PERSONS.ID_CIPHER, ENTRY_MEMBERS.EMPLOYER, ENTRY_MEMBERS.TRAINING_UNIT, ENTITLEMENTS.CONTEST_ID,
                        CONTESTS.NAME, CONTESTS.TIER, CONTESTS.REGION_CODE, ENTITLEMENTS.CONTEST_YEAR, EVENTS.OCCUPATION_CODE,
                        EVENTS.OCCUPATION_NAME, EVENTS.ENTRY_GROUP, ENTITLEMENTS.ENTRY_RANK, ENTITLEMENTS.ENTRY_TOTAL, ENTITLEMENTS.PRIZE,
                        ENTITLEMENTS.LEVEL_AWARDED, CERTIFICATES.NUMBER, ENTITLEMENTS.TITLE, ENTITLEMENTS.INDIVIDUAL_AWARD,
                        ENTITLEMENTS.UNIT_AWARD, CERTIFICATES.STATUS)
                .from(ENTITLEMENTS)
                .join(PERSONS).on(PERSONS.ID.eq(ENTITLEMENTS.PERSON_ID))
                .join(ENTRY_MEMBERS).on(ENTRY_MEMBERS.ENTRY_ID.eq(ENTITLEMENTS.ENTRY_ID))
                .and(ENTRY_MEMBERS.POSITION.eq(ENTITLEMENTS.MEMBER_POSITION))
                .join(CONTESTS).on(CONTESTS.ID.eq(ENTITLEMENTS.CONTEST_ID))
                .join(EVENTS).on(EVENTS.ID.eq(ENTITLEMENTS.EVENT_ID))
                .leftJoin(CERTIFICATES).on(CERTIFICATES.ENTITLEMENT_ID.eq(ENTITLEMENTS.ID))
                .where(CONTESTS.STATUS.eq(ContestStatus.FINAL.name()))
                .and(grantsSomething())
                .and(matching(filter))
                .orderBy(CONTESTS.CONTEST_YEAR.desc(), CONTESTS.ID, EVENTS.ID, ENTITLEMENTS.ENTRY_RANK, ENTITLEMENTS.ENTRY_ID,
                        ENTITLEMENTS.MEMBER_POSITION)
                .fetchSize(dsl.dialect().family() == SQLDialect.MYSQL ? Integer.MIN_VALUE : H2_FETCH_SIZE)
                .fetchLazy()) {
            var records = cursor.iterator();
            return consume.apply(new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return records.hasNext();
                }

                @Override
                public WinnerRow next() {
                    var r = records.next();
                    return new WinnerRow(r.value1(), ids.open(r.value2()), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                            r.value8(), r.value9(), r.value10(), r.value11(), r.value12(), r.value13(), r.value14(), r.value15(),
                            r.value16(), r.value17(), r.value18(), r.value19(), r.value20(), r.value21());
                }
            });
        }
    }

    /** A prize, a level, a title or money: what makes a row belong on a winners list. */
    private static Condition grantsSomething() {
        return ENTITLEMENTS.PRIZE.isNotNull()
                .or(ENTITLEMENTS.LEVEL_AWARDED.isNotNull())
                .or(ENTITLEMENTS.TITLE.isNotNull())
                .or(ENTITLEMENTS.INDIVIDUAL_AWARD.gt(0L))
                .or(ENTITLEMENTS.UNIT_AWARD.gt(0L));
    }

    private static Condition matching(WinnerFilter f) {
        Condition condition = noCondition();
        if (f.year() != null) {
            condition = condition.and(CONTESTS.CONTEST_YEAR.eq(f.year()));
        }
        if (f.tier() != null) {
            condition = condition.and(CONTESTS.TIER.eq(f.tier()));
        }
        if (f.occupationCode() != null) {
            condition = condition.and(EVENTS.OCCUPATION_CODE.eq(f.occupationCode()));
        }
        if (f.regions() != null) {
            Set<String> codes = f.regions().stream().map(RegionCode::value).collect(Collectors.toSet());
            condition = condition.and(CONTESTS.REGION_CODE.in(codes).or(ENTITLEMENTS.HOME_REGION_CODE.in(codes)));
        }
        return condition;
    }
}
