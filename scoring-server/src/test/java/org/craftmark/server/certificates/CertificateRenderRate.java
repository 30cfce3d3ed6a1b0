package org.craftmark.server.certificates;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How many certificates a second this machine renders, for information only (no assertion):
 * {@code -Dcraftmark.rate=true -Dtest=CertificateRenderRate}. Finalizing 2,000 certificates should
 * manage well over 50 a second on 2 cores.
 */
@EnabledIfSystemProperty(named = "craftmark.rate", matches = "true")
class CertificateRenderRate {
    private static final int CERTIFICATES = 2_000;

    @Test
    void printsTheRenderRate() throws Exception {
        CertificatePdf pdf = new CertificatePdf();
        List<CertificateSheet> sheets = IntStream.rangeClosed(1, CERTIFICATES)
                .mapToObj(i -> Sheets.sheet(i % 2 == 0 ? "张伟" : "欧阳娜娜", i)).toList();
        sheets.subList(0, 200).forEach(pdf::render); // JIT warm-up
        for (int threads : new int[] {1, 2}) {
            long start = System.nanoTime();
            long bytes = render(pdf, sheets, threads);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%d thread(s): %d certificates in %.2f s = %.0f/s, %d KB each%n",
                    threads, CERTIFICATES, seconds, CERTIFICATES / seconds, bytes / CERTIFICATES / 1024);
        }
    }

    private static long render(CertificatePdf pdf, List<CertificateSheet> sheets, int threads) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Integer>> sizes = sheets.stream().map(s -> pool.submit(() -> pdf.render(s).length)).toList();
            long total = 0;
            for (Future<Integer> size : sizes) {
                total += size.get();
            }
            return total;
        }
    }
}
