package org.craftmark.server.winners;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Winner list formats")
class WinnerFormatTest {

    @Test
    void tellTheirContentTypeAndExtension() {
        assertThat(WinnerFormat.JSON.contentType()).isEqualTo("application/json");
        assertThat(WinnerFormat.CSV.contentType()).isEqualTo("text/csv; charset=utf-8");
        assertThat(WinnerFormat.XLSX.contentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(WinnerFormat.XLSX.extension()).isEqualTo("xlsx");
    }

    @Test
    void areNamedInTheQueryByTheirExtension() {
        assertThat(WinnerFormat.fromQuery("csv")).hasValue(WinnerFormat.CSV);
        assertThat(WinnerFormat.fromQuery("XLSX")).hasValue(WinnerFormat.XLSX);
        assertThat(WinnerFormat.fromQuery("json")).hasValue(WinnerFormat.JSON);
        assertThat(WinnerFormat.fromQuery("pdf")).isEmpty();
        assertThat(WinnerFormat.fromQuery(null)).isEmpty();
    }
}
