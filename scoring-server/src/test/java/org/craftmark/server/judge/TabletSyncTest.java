package org.craftmark.server.judge;

import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.Method;
import org.craftmark.server.store.MarkStore.StoredMark;
import org.craftmark.server.testing.Browser;
import org.craftmark.server.testing.InBrowser;
import org.craftmark.server.testing.MarkingFixture;
import org.craftmark.server.testing.Tablet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

/**
 * What a tablet knows when it is not the tablet the judge marked on, or has no network: a second
 * tablet reads back the judge's marks from the server; a reload with the network cut still opens
 * /judge (the service worker's app shell) and queues marks that go out when the network is back.
 */
@DisplayName("Tablet sync and offline start")
class TabletSyncTest extends InBrowser {
    private static final List<Criterion> SCHEME = List.of(
            new Criterion("A1", "A", "尺寸精度", Kind.MEASUREMENT, BigDecimal.valueOf(30), Method.SINGLE, 1),
            new Criterion("B1", "B", "工艺规范", Kind.JUDGEMENT, BigDecimal.valueOf(20), Method.MEAN, 2));
    private static int n;

    @Test
    @DisplayName("a judge signing in on a second tablet sees the marks made on the first")
    void aSecondTabletShowsTheMarksOfTheFirst() {
        String judge = "sync-judge-" + (++n);
        MarkingFixture season = MarkingFixture.create(server, SCHEME, List.of(), List.of("S01", "S02"), List.of("sync-chief-" + n, judge));
        Tablet first = new Tablet(browser, server.api().baseUrl()).open();
        first.signIn(judge, MarkingFixture.JUDGE_PASSWORD);
        first.awaitOnline();
        first.markEntry(season.eventId, "S01", "A1", "21.5", "B1", "14");
        browser.screenshot("tablet-sync-1-first-tablet");

        try (Browser other = Browser.start()) {
            Tablet second = new Tablet(other, server.api().baseUrl()).open();
            second.signIn(judge, MarkingFixture.JUDGE_PASSWORD);
            second.awaitOnline();
            second.openEvent(season.eventId);
            other.await(attributeToBe(By.cssSelector("button.bib[data-bib='S01']"), "class", "bib done"));
            assertThat(second.text(By.cssSelector("button.bib[data-bib='S01'] .bib-progress"))).contains("2/2");
            assertThat(second.text(By.cssSelector("button.bib[data-bib='S02'] .bib-progress"))).contains("0/2");
            other.screenshot("tablet-sync-2-second-tablet-entries");
            second.openEntry("S01");
            second.awaitState("S01", "A1", "accepted");
            assertThat(second.rowsFor("S01", "A1").getFirst().getText()).contains("21.5");
            other.screenshot("tablet-sync-3-second-tablet-entry");
        }
    }

    @Test
    @DisplayName("/judge reloads with the network cut and still queues a mark, sent once the network is back")
    void reloadsOfflineAndStillMarks() {
        String judge = "offline-judge-" + (++n);
        MarkingFixture season = MarkingFixture.create(server, SCHEME, List.of(), List.of("F01"), List.of("offline-chief-" + n, judge));
        Tablet tablet = new Tablet(browser, server.api().baseUrl()).open();
        tablet.signIn(judge, MarkingFixture.JUDGE_PASSWORD);
        tablet.awaitOnline();
        browser.await(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !!(navigator.serviceWorker && navigator.serviceWorker.controller)")));

        ChromiumDriver chromium = (ChromiumDriver) driver;
        chromium.setNetworkConditions(offline());
        try {
            driver.navigate().refresh();
            browser.await(presenceOfElementLocated(By.id("status")));
            browser.await(attributeToBe(By.id("status"), "data-state", "offline"));
            assertThat(driver.getTitle()).contains("裁判评分");
            browser.screenshot("tablet-offline-1-reloaded");
            driver.get(server.api().baseUrl() + "/judge/#/e/" + season.eventId);
            browser.await(presenceOfElementLocated(By.id("bibs")));
            tablet.openEntry("F01");
            tablet.mark("A1", "19");
            tablet.awaitState("F01", "A1", "pending");
            browser.await(textToBePresentInElementLocated(By.id("pending-count"), "1"));
            browser.screenshot("tablet-offline-2-queued");
            assertThat(storedMarks(season, judge)).as("nothing reached the server").isEmpty();
        } finally {
            chromium.deleteNetworkConditions();
        }
        tablet.awaitState("F01", "A1", "accepted");
        assertThat(storedMarks(season, judge)).extracting(m -> m.value().stripTrailingZeros().toPlainString()).containsExactly("19");
        browser.screenshot("tablet-offline-3-sent");
    }

    private static ChromiumNetworkConditions offline() {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(true);
        return conditions;
    }

    private static List<StoredMark> storedMarks(MarkingFixture season, String judge) {
        long judgeId = season.judges.get(judge);
        return server.app().database().stores().marks().currentOfEvent(season.eventId).stream()
                .filter(m -> m.judgeUserId() == judgeId).toList();
    }
}
