package org.craftmark.server.http;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemKeysTest {

    @ParameterizedTest(name = "{0} → {1}")
    @DisplayName("the server's problem texts go out with a stable key the apps translate")
    @CsvSource(delimiter = '|', value = {
            "is required | required",
            "must not be blank | required",
            "must be at most 50 characters | tooLong",
            "bib A07 is taken in this event | bibTaken",
            "this person is already entered in this event | alreadyEntered",
            "check character does not match the first 17 digits | idCheck",
            "2 of 3 marks | marksShort",
            "discrepancy | discrepancy",
            "3 of 14 items without an outcome | recheckOpen",
            "has no mark for entry A02 on B1 | noMarkToCorrect",
            "is RUNNING | status",
            "criterion B1 uses MEAN, which needs at least 2 judges, not 1 | judgesAtLeast",
            "criterion A1 uses SINGLE, which needs exactly 1 judge, not 2 | judgesExactly",
            "something nobody wrote a key for | invalid",
    })
    void keysKnownShapes(String problem, String key) {
        assertThat(ProblemKeys.of(problem).key()).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("numbers and codes in a problem become its arguments")
    @CsvSource(delimiter = '|', value = {
            "must be at most 50 characters | max=50",
            "2 of 3 marks | n=2,of=3",
            "has no mark for entry A02 on B1 | bib=A02,code=B1",
            "must be one of ACTIVE, DNS, DQ | choices=ACTIVE, DNS, DQ",
    })
    void extractsArguments(String problem, String expected) {
        Map<String, String> args = ProblemKeys.of(problem).args();
        String joined = String.join(",", args.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        assertThat(joined).isEqualTo(expected);
    }
}
