package org.craftmark.server.winners;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.pipeline.RegionCode;
import org.craftmark.core.pipeline.RegionTree;
import org.craftmark.server.audit.AuditLog;
import org.craftmark.server.auth.Role;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.http.Download;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.WinnerStore.WinnerFilter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HR winner lists (获奖人员名单): every entitlement row of FINAL contests that grants something, in
 * JSON, CSV or XLSX, streamed from a database cursor. ADMIN sees every region; HR the rows whose
 * contest region or home region lies in its own. Every pull is audited: who, which filters, how many
 * rows.
 */
public final class WinnerService {
    /** The query of a pull, as read from the wire (null: no filter). */
    public record WinnerQuery(Integer year, String tier, String regionCode, String occupationCode, WinnerFormat format) {
    }

    private final Database db;
    private final AuditLog audit;

    public WinnerService(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    public Download pull(SignedInUser actor, WinnerQuery query) {
        if (!actor.is(Role.ADMIN) && !actor.is(Role.HR)) {
            throw ApiException.forbidden("Winner lists are for HR bureaus and ADMIN.");
        }
        WinnerFilter filter = new WinnerFilter(query.year(), query.tier(), regions(actor, query.regionCode()), query.occupationCode());
        AtomicLong rows = new AtomicLong();
        return new Download() {
            @Override
            public String contentType() {
                return query.format().contentType();
            }

            @Override
            public String fileName() {
                return "winners" + (query.year() == null ? "" : "-" + query.year()) + "." + query.format().extension();
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                try {
                    db.stores().winners().stream(filter, iterator -> {
                        try {
                            query.format().write(counting(iterator, rows), out);
                            return null;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }

            @Override
            public void finished(boolean complete) {
                db.transaction(tx -> {
                    audit.record(tx, actor, "winners.pull", "winners", null, new JsonObject()
                            .put("year", query.year()).put("tier", query.tier()).put("regionCode", query.regionCode())
                            .put("occupationCode", query.occupationCode()).put("format", query.format().name())
                            .put("rows", rows.get()).put("complete", complete));
                    return null;
                });
            }
        };
    }

    /** Counts rows as they are handed to the writer, so an interrupted pull is audited with what went out. */
    private static Iterator<WinnerRow> counting(Iterator<WinnerRow> rows, AtomicLong count) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public WinnerRow next() {
                count.incrementAndGet();
                return rows.next();
            }
        };
    }

    /** The regions the pull covers: HR's own subtree, narrowed by the filter; ADMIN's filter or all. */
    private Set<RegionCode> regions(SignedInUser actor, String regionCode) {
        RegionTree regions = db.stores().regions().tree();
        Set<RegionCode> wanted = regionCode == null ? null : regions.subtree(new RegionCode(regionCode));
        if (actor.is(Role.ADMIN)) {
            return wanted;
        }
        Set<RegionCode> own = actor.regionCode() == null ? Set.of() : regions.subtree(new RegionCode(actor.regionCode()));
        if (wanted == null) {
            return own;
        }
        Set<RegionCode> both = new HashSet<>(own);
        both.retainAll(wanted);
        return both;
    }
}
