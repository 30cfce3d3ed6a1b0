package org.craftmark.core.recheck;

/**
 * Where a recheck stands.
 *
 * @param items               every picked entry
 * @param recorded            items with an outcome
 * @param sample              items drawn at random ({@link RecheckReason#SAMPLE})
 * @param sampleCorrected     of those, the ones found wrong
 * @param fullRecheckRequired more than the policy's share of the sample was wrong: the whole event
 *                            must be rechecked
 */
public record RecheckTally(int items, int recorded, int sample, int sampleCorrected, boolean fullRecheckRequired) {

    /** Finished when every item has an outcome; until then the event cannot be locked. */
    public boolean finished() {
        return recorded == items;
    }
}
