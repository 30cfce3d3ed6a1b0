package org.craftmark.server.certificates;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.certificates.Certificate;
import org.craftmark.core.certificates.CertificateNumber;
import org.craftmark.core.certificates.CertificateStatus;
import org.craftmark.core.certificates.Verification;
import org.craftmark.core.common.RuleViolation;
import org.craftmark.core.people.ResidentId;
import org.craftmark.server.audit.AuditLog;
import org.craftmark.server.auth.Access;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.http.Download;
import org.craftmark.server.store.CertificateStore.StoredCertificate;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.EntitlementStore.StoredEntitlement;
import org.craftmark.server.store.Stores;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;

/**
 * Certificates after they are issued: read (organizers, HR, ADMIN — with the ID number), rendered as
 * a PDF or a ZIP of a contest's PDFs, revoked with a reason (ADMIN), and verified by anyone through
 * what {@link Verification} shows — never an ID number.
 */
public final class CertificateService {
    static final int MAX_REASON = 500;

    /** A certificate with the contest it came from and the home region of its holder's entry. */
    public record Issued(StoredCertificate certificate, StoredContest contest, StoredEntitlement entitlement) {
    }

    private final Database db;
    private final AuditLog audit;
    private final Clock clock;
    private final CertificatePdf pdf;
    private final String baseUrl;
    private final DownloadProgress progress;

    public CertificateService(Database db, AuditLog audit, Clock clock, CertificatePdf pdf, String baseUrl, DownloadProgress progress) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.pdf = pdf;
        this.baseUrl = baseUrl;
        this.progress = progress;
    }

    public Issued get(SignedInUser actor, String number) {
        Stores stores = db.stores();
        Issued issued = find(stores, parse(number));
        requireReader(stores, actor, issued);
        return issued;
    }

    /** The certificate as a PDF, with a QR code of {@code <public-url>/verify/<no>}. */
    public Download pdf(SignedInUser actor, String number) {
        Issued issued = get(actor, number);
        CertificateSheet sheet = sheet(issued);
        return new Download() {
            @Override
            public String contentType() {
                return "application/pdf";
            }

            @Override
            public String fileName() {
                return sheet.fileName();
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                pdf.render(sheet, out);
            }
        };
    }

    /**
     * Every certificate of the contest as one ZIP of PDFs, rendered one at a time while it streams;
     * {@code progressToken} (a UUID the caller chose) lets the console show how far it is.
     */
    public Download zip(SignedInUser actor, long contestId, String progressToken) {
        Stores stores = db.stores();
        StoredContest contest = stores.contests().find(contestId).orElseThrow(() -> ApiException.notFound("Contest " + contestId));
        Access.requireOrganizerOf(actor, contest.region(), stores.regions().tree());
        List<StoredCertificate> certificates = stores.certificates().ofContest(contestId);
        DownloadProgress.Tracker tracker = progress.start(actor, progressToken, certificates.size());
        return new Download() {
            @Override
            public String contentType() {
                return "application/zip";
            }

            @Override
            public String fileName() {
                return "certificates-" + contestId + ".zip";
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                Iterator<CertificateSheet> sheets = certificates.stream()
                        .map(c -> sheet(new Issued(c, contest, null))).iterator();
                CertificateZip.write(pdf, sheets, certificates.size(), out, tracker::advanced);
            }

            @Override
            public void finished(boolean complete) {
                tracker.finish(complete);
            }
        };
    }

    public List<StoredCertificate> ofContest(SignedInUser actor, long contestId) {
        Stores stores = db.stores();
        StoredContest contest = stores.contests().find(contestId).orElseThrow(() -> ApiException.notFound("Contest " + contestId));
        Access.requireOrganizerOf(actor, contest.region(), stores.regions().tree());
        return stores.certificates().ofContest(contestId);
    }

    /** ADMIN only; audited. Revoking a revoked certificate changes nothing. */
    public Issued revoke(SignedInUser actor, String number, String reason) {
        Access.requireAdmin(actor);
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("reason", "is required");
        }
        CertificateNumber no = parse(number);
        return db.transaction(tx -> {
            Issued issued = find(tx, no);
            if (issued.certificate().status() == CertificateStatus.VALID) {
                tx.certificates().revoke(no.value(), actor.id(), reason.strip(), clock.instant());
                audit.record(tx, actor, "certificate.revoke", "certificate:" + no.value(), issued.contest().id(),
                        new JsonObject().put("reason", reason.strip()));
            }
            return find(tx, no);
        });
    }

    /** Public: the masked holder, occupation, level, issue date, issuer, VALID or REVOKED. */
    public Verification verify(String number) {
        return certificate(find(db.stores(), parse(number)).certificate()).verification();
    }

    /** 400 for a number without the rulebook's shape; the number itself is never echoed back. */
    private static CertificateNumber parse(String number) {
        return CertificateNumber.parse(number).orElseThrow();
    }

    private static Issued find(Stores stores, CertificateNumber number) {
        StoredCertificate certificate = stores.certificates().find(number.value())
                .orElseThrow(() -> ApiException.notFound("Certificate " + number.value()));
        StoredContest contest = stores.contests().find(certificate.contestId()).orElseThrow();
        StoredEntitlement entitlement = stores.entitlements().find(certificate.entitlementId()).orElseThrow();
        return new Issued(certificate, contest, entitlement);
    }

    private static void requireReader(Stores stores, SignedInUser actor, Issued issued) {
        if (!Access.readsWinner(actor, issued.contest().region(), issued.entitlement().entitlement().homeRegion(), stores.regions().tree())) {
            throw ApiException.forbidden("Only ADMIN, the contest's organizers and HR of the region may read this certificate.");
        }
    }

    private CertificateSheet sheet(Issued issued) {
        return CertificateSheet.of(certificate(issued.certificate()), issued.contest().name(), baseUrl);
    }

    static Certificate certificate(StoredCertificate c) {
        return new Certificate(c.holderName(), ResidentId.ofRegistered(c.idNumber()), c.occupationCode(), c.occupationName(),
                c.level(), c.issuer(), c.issuedOn(), CertificateNumber.parse(c.number()).orElseThrow(), c.contestId(), c.status());
    }
}
