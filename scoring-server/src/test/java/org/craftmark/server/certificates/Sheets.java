package org.craftmark.server.certificates;

import java.time.LocalDate;
import org.craftmark.core.certificates.CertificateNumberAllocator;
import org.craftmark.core.certificates.CertificatePrefix;
import org.craftmark.core.contest.SkillLevel;
import org.craftmark.core.people.ResidentId;
import org.craftmark.core.pipeline.RegionCode;

/** Test sheets: 张伟, a 车工 (6-18-01-01) promoted to 二级/技师 by contest 42 in Tongzhou, 2026. */
final class Sheets {
    static final String BASE_URL = "https://craftmark.example.cn";
    static final LocalDate ISSUED_ON = LocalDate.of(2026, 12, 1);
    static final String ISSUER = "北京市职业技能鉴定指导中心";
    static final String CONTEST = "2026年北京市通州区职业技能大赛";
    private static final CertificatePrefix L2_PREFIX =
            CertificatePrefix.of("0001", new RegionCode("110112"), 42, 2026, SkillLevel.L2);

    private Sheets() {
    }

    static CertificateSheet zhangWei() {
        return sheet("张伟", 1);
    }

    /** A sheet for {@code holder}, certificate {@code sequence} of the L2 prefix. */
    static CertificateSheet sheet(String holder, int sequence) {
        String number = number(sequence);
        return new CertificateSheet(holder, maskedId(sequence), "6-18-01-01", "车工", SkillLevel.L2, ISSUER,
                ISSUED_ON, number, CONTEST, CertificateSheet.verifyUrl(BASE_URL, number));
    }

    /** e.g. {@code S000111000042262000001}. */
    static String number(int sequence) {
        return CertificateNumberAllocator.next(L2_PREFIX, sequence - 1).value();
    }

    private static String maskedId(int sequence) {
        String number = ResidentId.withCheckCharacter("11011219900307%03d".formatted(sequence % 1000));
        return ResidentId.parse(number, ISSUED_ON).orElseThrow().masked();
    }
}
