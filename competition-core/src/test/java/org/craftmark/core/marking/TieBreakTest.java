package org.craftmark.core.marking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.craftmark.core.marking.TieBreak.KindTieBreak;
import org.craftmark.core.marking.TieBreak.ModuleTieBreak;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A tie-break")
class TieBreakTest {

    @Test
    void reads_each_form_the_contract_writes() {
        assertThat(TieBreak.parse("MODULE:A")).contains(new ModuleTieBreak("A"));
        assertThat(TieBreak.parse("KIND:MEASUREMENT")).contains(new KindTieBreak(Kind.MEASUREMENT));
        assertThat(TieBreak.parse("KIND:JUDGEMENT")).contains(new KindTieBreak(Kind.JUDGEMENT));
        assertThat(TieBreak.parse("TIME")).contains(TieBreak.TIME);
    }

    @ParameterizedTest(name = "writes {0} back as it was read")
    @ValueSource(strings = {"MODULE:A", "MODULE:实操", "KIND:MEASUREMENT", "KIND:JUDGEMENT", "TIME"})
    void round_trips(String text) {
        assertThat(TieBreak.parse(text)).get().extracting(TieBreak::text).isEqualTo(text);
    }

    @ParameterizedTest(name = "\"{0}\" is not a tie-break")
    @ValueSource(strings = {"", "time", "MODULE:", "MODULE: ", "KIND:", "KIND:DEDUCTION", "KIND:judgement", "SPEED"})
    void rejects_anything_else(String text) {
        assertThat(TieBreak.parse(text)).isEmpty();
    }

    @Test
    void does_not_break_ties_by_deductions() {
        assertThatIllegalArgumentException().isThrownBy(() -> new KindTieBreak(Kind.DEDUCTION));
    }
}
