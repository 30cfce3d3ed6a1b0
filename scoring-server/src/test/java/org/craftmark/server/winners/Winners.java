package org.craftmark.server.winners;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.IntConsumer;

/** Test winner lists: Chinese text, absent values, and the characters CSV has to quote. */
final class Winners {
    static final WinnerRow ZHANG_WEI = new WinnerRow("张伟", "11011219900307001X", "北京市通州区精工机械厂, 二车间",
            "北京市\"工匠\"技工学校", 42, "2026年北京市通州区职业技能大赛", "DISTRICT", "110112", 2026, "6-18-01-01",
            "车工", "EMPLOYEE", 1, new BigDecimal("95.50"), "GOLD", "L3", "S000111000042263000001", null,
            100_000, 50_000, "VALID");
    static final WinnerRow OUYANG = new WinnerRow("欧阳娜娜", null, "第一行\n第二行", null, 42,
            "2026年北京市通州区职业技能大赛", "DISTRICT", "110112", 2026, "6-18-01-01", "车工", "EMPLOYEE", 2,
            new BigDecimal("88"), "SILVER", null, null, "北京市技术能手", 50_000, 0, null);
    /** A recorded WORLD result: ranked by import, so no total. */
    static final WinnerRow WORLD = new WinnerRow("阿卜杜·热合曼", "650102199512120018", "新疆某石化公司",
            "乌鲁木齐技师学院;\r\n分院", 7, "第48届世界技能大赛", "WORLD", "000000", 2026, "6-31-01-03", "电工",
            "EMPLOYEE", 1, null, "GOLD", "L1", "S000100000007261000001", "全国技术能手", 300_000, 100_000,
            "REVOKED");
    static final List<WinnerRow> ROWS = List.of(ZHANG_WEI, OUYANG, WORLD);

    private Winners() {
    }

    /** A row back from the text of its cells (null or empty for an absent value). */
    static WinnerRow fromText(Function<String, String> cells) {
        Function<String, String> cell = key -> {
            String text = cells.apply(key);
            return text == null || text.isEmpty() ? null : text;
        };
        return new WinnerRow(cell.apply("name"), cell.apply("idNumber"), cell.apply("employer"),
                cell.apply("trainingUnit"), Long.parseLong(cell.apply("contestId")), cell.apply("contest"),
                cell.apply("tier"), cell.apply("regionCode"), Integer.parseInt(cell.apply("year")),
                cell.apply("occupationCode"), cell.apply("occupationName"), cell.apply("group"),
                Integer.parseInt(cell.apply("rank")), decimal(cell.apply("total")), cell.apply("prize"),
                cell.apply("levelAwarded"), cell.apply("certificateNo"), cell.apply("title"),
                Long.parseLong(cell.apply("individualAward")), Long.parseLong(cell.apply("unitAward")),
                cell.apply("status"));
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    /** {@code count} rows made one at a time as they are asked for; {@code handingOut} sees each index. */
    static Iterator<WinnerRow> lazily(int count, IntConsumer handingOut) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public WinnerRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                handingOut.accept(next);
                return numbered(next++);
            }
        };
    }

    /** Row {@code i} of a long list: distinct names and ID-like numbers, so nothing repeats. */
    static WinnerRow numbered(int i) {
        return new WinnerRow("选手" + i, "%018d".formatted(110112199003070000L + i), "北京市第" + (i % 97) + "机械厂",
                "北京市工匠学院", 1 + i % 500, "2026年北京市职业技能大赛", "CITY", "110000", 2026, "6-18-01-01",
                "车工", "EMPLOYEE", 1 + i % 60, BigDecimal.valueOf(5000 + i % 5000, 2), "EXCELLENCE", "L3",
                "S0001110%05d263%06d".formatted(i % 500, 1 + i % 999_999), null, i % 7 * 1000, 0, "VALID");
    }
}
