package org.craftmark.server.store;

import org.craftmark.server.privacy.IdNumberVault;
import org.jooq.DSLContext;

/**
 * The repositories, bound to one connection or transaction. Services get them from
 * {@link Database#transaction} and never see jOOQ or SQL themselves.
 */
public record Stores(UserStore users, TokenStore tokens, RegionStore regions, AuditStore audit,
                     ContestStore contests, EventStore events, EntryStore entries, PanelStore panels,
                     MarkStore marks, RecheckStore rechecks, PublishedResultStore published, AppealStore appeals,
                     RecordedResultStore recorded, AwardPolicyStore awardPolicies, EntitlementStore entitlements,
                     CertificateStore certificates, WinnerStore winners) {

    static Stores over(DSLContext dsl, IdNumberVault vault) {
        return new Stores(new UserStore(dsl), new TokenStore(dsl), new RegionStore(dsl), new AuditStore(dsl),
                new ContestStore(dsl), new EventStore(dsl), new EntryStore(dsl, vault), new PanelStore(dsl),
                new MarkStore(dsl), new RecheckStore(dsl), new PublishedResultStore(dsl), new AppealStore(dsl),
                new RecordedResultStore(dsl), new AwardPolicyStore(dsl), new EntitlementStore(dsl, vault), new CertificateStore(dsl, vault),
                new WinnerStore(dsl, vault));
    }
}
