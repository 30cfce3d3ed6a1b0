package org.craftmark.server.faults;

/**
 * One line per fault test with what it survived, in a fixed shape ({@code [chaos] name key=value …})
 * that {@code chaos/run.sh} collects into the soak's summary. Printed only after the assertions passed.
 */
final class ChaosFigures {
    private ChaosFigures() {
    }

    static void print(String test, String figures) {
        System.out.println("[chaos] " + test + " " + figures);
    }
}
