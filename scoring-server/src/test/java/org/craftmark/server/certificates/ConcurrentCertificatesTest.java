package org.craftmark.server.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Certificates rendered from several threads at once")
class ConcurrentCertificatesTest {
    private static final String[] NAMES = {"张伟", "王喆", "李堃", "张淼", "欧阳娜娜", "刘䶮", "赵敏", "钱学森"};

    @Test
    void areTheSameAsRenderedOneByOne() throws Exception {
        CertificatePdf pdf = new CertificatePdf();
        List<CertificateSheet> sheets = IntStream.rangeClosed(1, 48)
                .mapToObj(i -> Sheets.sheet(NAMES[i % NAMES.length], i)).toList();

        List<byte[]> concurrently = renderOnThreads(pdf, sheets, 6);

        for (int i = 0; i < sheets.size(); i++) {
            assertThat(concurrently.get(i)).as(sheets.get(i).number()).isEqualTo(pdf.render(sheets.get(i)));
        }
        assertThat(CertificatePdfTest.textOf(concurrently.get(5))).contains(sheets.get(5).holderName(), Sheets.number(6));
    }

    private static List<byte[]> renderOnThreads(CertificatePdf pdf, List<CertificateSheet> sheets, int threads)
            throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<byte[]>> pdfs = sheets.stream().map(sheet -> pool.submit(() -> pdf.render(sheet))).toList();
            List<byte[]> rendered = new ArrayList<>();
            for (Future<byte[]> future : pdfs) {
                rendered.add(future.get());
            }
            return rendered;
        }
    }
}
