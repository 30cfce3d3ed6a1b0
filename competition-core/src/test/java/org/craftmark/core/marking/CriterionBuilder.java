package org.craftmark.core.marking;

import java.math.BigDecimal;

/**
 * Test data: a valid criterion unless told otherwise. The module defaults to the code's first
 * letter, as in the published vectors ({@code A1} is in module {@code A}).
 */
public final class CriterionBuilder {
    private String code;
    private String module;
    private String name = "criterion";
    private Kind kind = Kind.JUDGEMENT;
    private BigDecimal maxMark = BigDecimal.TEN;
    private Method method = Method.MEAN;
    private int judges = 3;
    private int trim = Criterion.DEFAULT_TRIM;

    private CriterionBuilder(String code) {
        this.code = code;
        this.module = code.isEmpty() ? "A" : code.substring(0, 1);
    }

    public static CriterionBuilder criterion(String code) {
        return new CriterionBuilder(code);
    }

    public static CriterionBuilder single(String code) {
        return criterion(code).method(Method.SINGLE).judges(1).kind(Kind.MEASUREMENT);
    }

    public static CriterionBuilder mean(String code, int judges) {
        return criterion(code).method(Method.MEAN).judges(judges);
    }

    public static CriterionBuilder trimmedMean(String code, int judges, int trim) {
        return criterion(code).method(Method.TRIMMED_MEAN).judges(judges).trim(trim);
    }

    public static CriterionBuilder median(String code, int judges) {
        return criterion(code).method(Method.MEDIAN).judges(judges);
    }

    public static CriterionBuilder wss(String code) {
        return criterion(code).method(Method.WSS).judges(3).maxMark("9");
    }

    /** A SINGLE safety deduction, as in most real schemes. */
    public static CriterionBuilder deduction(String code) {
        return single(code).kind(Kind.DEDUCTION).maxMark("5");
    }

    public CriterionBuilder code(String code) {
        this.code = code;
        return this;
    }

    public CriterionBuilder module(String module) {
        this.module = module;
        return this;
    }

    public CriterionBuilder name(String name) {
        this.name = name;
        return this;
    }

    public CriterionBuilder kind(Kind kind) {
        this.kind = kind;
        return this;
    }

    public CriterionBuilder maxMark(String maxMark) {
        this.maxMark = maxMark == null ? null : new BigDecimal(maxMark);
        return this;
    }

    public CriterionBuilder method(Method method) {
        this.method = method;
        return this;
    }

    public CriterionBuilder judges(int judges) {
        this.judges = judges;
        return this;
    }

    public CriterionBuilder trim(int trim) {
        this.trim = trim;
        return this;
    }

    public Criterion build() {
        return new Criterion(code, module, name, kind, maxMark, method, judges, trim);
    }
}
