package org.craftmark.server.privacy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Redacting ID numbers from log text")
class IdNumberRedactionTest {
    @Test
    void masksTheBirthDateAndSerialOfEveryIdNumber() {
        assertThat(IdNumberRedaction.redact("/api/v1/persons/11010519900307002X/history and 110105199003070038."))
                .isEqualTo("/api/v1/persons/110105********002X/history and 110105********0038.");
    }

    @Test
    void leavesLongerOrShorterDigitRunsAlone() {
        assertThat(IdNumberRedaction.redact("certificate 1100012026000000123 ticket 12345")).isEqualTo("certificate 1100012026000000123 ticket 12345");
    }
}
