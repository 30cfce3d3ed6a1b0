package org.craftmark.core.contest;

/** A city contest's category (一类/二类), which decides its entitlements. */
public enum Category {
    CLASS_I, CLASS_II;

    public static final Category DEFAULT = CLASS_II;
}
