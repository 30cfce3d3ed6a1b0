package org.craftmark.server.certificates;

import java.time.LocalDate;
import java.util.Objects;
import org.craftmark.core.certificates.Certificate;
import org.craftmark.core.certificates.CertificateNumber;
import org.craftmark.core.common.RuleViolation;
import org.craftmark.core.contest.SkillLevel;

/**
 * Everything a certificate PDF prints, as it is printed: the ID number already masked, the contest
 * by name, the QR code's URL complete. Nothing else reaches the page.
 *
 * @param number    the 22-character certificate number; it names the file in a ZIP, so its shape is
 *                  checked here
 * @param verifyUrl {@code <base-url>/verify/<number>}, what the QR code encodes
 */
public record CertificateSheet(String holderName, String maskedIdNumber, String occupationCode, String occupationName,
                               SkillLevel level, String issuer, LocalDate issuedOn, String number, String contestName,
                               String verifyUrl) {
    public CertificateSheet {
        Objects.requireNonNull(holderName, "holderName");
        Objects.requireNonNull(maskedIdNumber, "maskedIdNumber");
        Objects.requireNonNull(occupationCode, "occupationCode");
        Objects.requireNonNull(occupationName, "occupationName");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(contestName, "contestName");
        Objects.requireNonNull(verifyUrl, "verifyUrl");
        CertificateNumber.parse(number).orElseThrow();
        if (level == SkillLevel.NONE) {
            throw new RuleViolation("level", "certificates are issued for levels L5–L1");
        }
    }

    /**
     * The sheet of an issued certificate: the holder's ID masked (110105********002X), the QR code
     * pointing at the public verification page under {@code baseUrl}.
     */
    public static CertificateSheet of(Certificate certificate, String contestName, String baseUrl) {
        String number = certificate.number().value();
        return new CertificateSheet(certificate.holderName(), certificate.idNumber().masked(),
                certificate.occupationCode(), certificate.occupationName(), certificate.level(),
                certificate.issuingOrganization(), certificate.issuedOn(), number, contestName,
                verifyUrl(baseUrl, number));
    }

    /** {@code <base-url>/verify/<number>}, whether or not the base URL ends in a slash. */
    public static String verifyUrl(String baseUrl, String number) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + "/verify/" + number;
    }

    /** The PDF's file name, also its name inside a ZIP of certificates. */
    public String fileName() {
        return number + ".pdf";
    }
}
