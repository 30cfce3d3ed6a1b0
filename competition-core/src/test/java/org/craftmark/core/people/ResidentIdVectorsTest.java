package org.craftmark.core.people;

import org.craftmark.core.common.Parsed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every case of the published vectors/ids.json. */
class ResidentIdVectorsTest {
    /** A fixed "today", after every valid birth date in the vectors and before 2099. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    record IdCase(String id, boolean valid) {
        @Override
        public String toString() {
            return id + (valid ? " is valid" : " is invalid");
        }
    }

    static List<IdCase> cases() throws IOException {
        try (InputStream json = ResidentIdVectorsTest.class.getResourceAsStream("/vectors/ids.json")) {
            return new ObjectMapper().readValue(json, new TypeReference<>() { });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesEveryPublishedId(IdCase idCase) {
        Parsed<ResidentId> parsed = ResidentId.parse(idCase.id(), TODAY);

        assertThat(parsed instanceof Parsed.Valid).isEqualTo(idCase.valid());
        if (parsed instanceof Parsed.Valid<ResidentId>(ResidentId id)) {
            assertThat(id.number()).isEqualTo(idCase.id().toUpperCase());
        }
    }
}
