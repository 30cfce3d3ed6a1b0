package org.craftmark.core.certificates;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Allocates certificate numbers: sequences run from 000001 per prefix, so the next number follows
 * the highest sequence already used with that prefix (which the caller reads from its store).
 */
public final class CertificateNumberAllocator {
    private CertificateNumberAllocator() {
    }

    /**
     * The number after the highest used.
     *
     * @param highestUsed the highest sequence issued with this prefix, 0 when none
     * @throws IllegalStateException when the prefix's 999999 sequences are used up
     */
    public static CertificateNumber next(CertificatePrefix prefix, int highestUsed) {
        return allocate(prefix, highestUsed, 1).getFirst();
    }

    /** {@code count} consecutive numbers after the highest used, e.g. for every level a FINAL awards. */
    public static List<CertificateNumber> allocate(CertificatePrefix prefix, int highestUsed, int count) {
        if (highestUsed < 0 || count < 0) {
            throw new IllegalArgumentException("highestUsed and count are not negative");
        }
        if ((long) highestUsed + count > CertificateNumber.MAX_SEQUENCE) {
            throw new IllegalStateException("prefix " + prefix + " has no " + count + " sequences left");
        }
        return IntStream.rangeClosed(highestUsed + 1, highestUsed + count)
                .mapToObj(sequence -> CertificateNumber.of(prefix, sequence))
                .toList();
    }
}
