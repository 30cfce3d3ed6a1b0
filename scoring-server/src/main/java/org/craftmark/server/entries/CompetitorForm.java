package org.craftmark.server.entries;

/** A competitor as given on a registration form or CSV row, before any checking. */
public record CompetitorForm(String name, String idNumber, String employer, String trainingUnit, String currentLevel) {
}
