package org.craftmark.server.live.ui;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.contest.EntryStatus;
import org.craftmark.server.store.ContestStore.Visibility;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.InBrowser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * The big screen (/live/{eventId}, /live/kiosk) in a real headless Chromium against a real server:
 * marks entered through the API show within a second, the page rides out a server restart and
 * resumes, rows glide to their new ranks (or jump, for viewers who prefer reduced motion), the
 * "after publication" notice gives way to final results, and the kiosk cycles through a contest.
 * Screenshots at 1920×1080 (hall) and phone widths land in target/screenshots/ (paths printed).
 */
@DisplayName("Big-screen leaderboard in a browser")
class LiveBoardPageTest extends InBrowser {
    /** The promise: a mark acknowledged by the server is on the screen within a second. */
    private static final Duration ON_SCREEN = Duration.ofSeconds(2);
    /** Page load, first snapshot. */
    private static final Duration LOAD = Duration.ofSeconds(15);
    /** Reconnect backoff (1, 2, 4, 8 s…) plus a server start. */
    private static final Duration RECONNECT = Duration.ofSeconds(40);
    private static final Dimension HALL = new Dimension(1920, 1080);
    private static final Dimension PHONE = new Dimension(390, 844);
    private static final Dimension SMALL_PHONE = new Dimension(360, 740);

    @Override
    protected void checkConsole(List<String> console) {
        assertThat(console).as("script errors on the page").noneMatch(m -> m.contains("Uncaught"));
    }

    @Test
    @DisplayName("marks entered through the API are on the screen within a second, rows glide to their new ranks")
    void marksShowWithinASecond() {
        HallContest hall = HallContest.create(server, Visibility.LIVE, 4, "数控车工");
        open("/live/" + hall.eventId(), HALL);
        awaitLive();
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(text(By.id("event-name"))).isEqualTo("数控车工");
        browser.await(textToBePresentInElementLocated(By.id("contest-name"), "2026年通州区职业技能大赛"));
        assertThat(rowBibs()).containsExactly("A01", "A02", "A03", "A04");
        assertThat(text(By.id("final-badge"))).isEqualTo("暂定成绩");

        hall.mark(hall.chief, hall.mark("A03", "A1", "28.5"));
        soon(d -> "28.50".equals(totalOf("A03")) && "1".equals(row("A03").getAttribute("data-rank")));
        assertThat(rowBibs().getFirst()).isEqualTo("A03");
        assertThat(row("A03").getAttribute("data-prize")).isEqualTo("GOLD");
        assertThat(row("A03").findElement(By.cssSelector(".mod[data-module='A']")).getAttribute("data-value")).isEqualTo("28.5");
        assertThat(row("A03").findElements(By.cssSelector(".marking"))).as("not yet complete").hasSize(1);

        hall.mark(hall.chief, hall.mark("A04", "A1", "29"), hall.mark("A04", "A2", "9.5"));
        soon(d -> "38.50".equals(totalOf("A04")) && rowBibs().getFirst().equals("A04"));
        assertThat(rowBibs()).startsWith("A04", "A03");
        assertThat(moves()).as("rows moved with a FLIP animation").isPositive();
        // With the scheme unknown to the public, bars are relative to the best in each module.
        assertThat(widthOf("A04", "A")).isEqualTo("100%");

        hall.mark(hall.judge1, hall.mark("A01", "B1", "18"), hall.mark("A01", "C1", "27"));
        soon(d -> "45.00".equals(totalOf("A01")) && rowBibs().getFirst().equals("A01"));
        assertThat(board().getAttribute("data-gaps")).isEqualTo("0");
        assertThat(board().getAttribute("data-snapshots")).isEqualTo("1");
        assertThat(seqOnScreen()).isEqualTo(hall.leaderboard().getLong("seq"));
        screenshot("live-1-first-marks-1920x1080");
    }

    @Test
    @DisplayName("with reduced motion the rows still reorder exactly, without moving")
    void reducedMotionReordersWithoutAnimation() {
        HallContest hall = HallContest.create(server, Visibility.LIVE, 3, "钳工");
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
        open("/live/" + hall.eventId(), HALL);
        awaitLive();
        hall.mark(hall.chief, hall.mark("A03", "A1", "20"));
        soon(d -> rowBibs().getFirst().equals("A03"));
        hall.mark(hall.chief, hall.mark("A02", "A1", "25"));
        soon(d -> rowBibs().equals(List.of("A02", "A03", "A01")));
        assertThat(moves()).isZero();
        assertThat(row("A02").getCssValue("transform")).isIn("none", null);
    }

    @Test
    @DisplayName("a delta out of sequence is not applied: the page asks for a fresh snapshot")
    void aDeltaOutOfSequenceLeadsToAFreshSnapshot() {
        HallContest hall = HallContest.create(server, Visibility.LIVE, 2, "电工");
        open("/live/" + hall.eventId(), HALL);
        awaitLive();
        hall.mark(hall.chief, hall.mark("A02", "A1", "10"));
        soon(d -> "10.00".equals(totalOf("A02")));
        long seq = seqOnScreen();

        // As if a frame had been lost on the way: seq + 2 arrives after seq, carrying nonsense.
        js("window.craftmarkBoard.feed.receive(JSON.stringify({type: 'delta', eventId: " + hall.eventId() + ", seq: " + (seq + 2)
                + ", rows: [{rank: 1, entryId: " + hall.entry("A01") + ", bib: 'A01', name: 'X', unit: '', total: 99,"
                + " complete: false, status: 'ACTIVE', modules: {}, prize: 'GOLD'}]}))");

        browser.await(attributeToBe(board(), "data-snapshots", "2"));
        assertThat(board().getAttribute("data-gaps")).isEqualTo("1");
        assertThat(board().getAttribute("data-last-url")).as("fresh snapshot: no since").doesNotContain("since=");
        assertThat(totalOf("A01")).as("the snapshot's A01: not yet marked, no total").isEqualTo("—");
        assertThat(row("A01").getAttribute("data-marked")).isEqualTo("false");
        assertThat(rowBibs()).containsExactly("A02", "A01");
    }

    @Test
    @DisplayName("survives a server restart: reconnects by itself, resumes, and shows new marks")
    void survivesAServerRestart() {
        HallContest hall = HallContest.create(server, Visibility.LIVE, 3, "焊工");
        open("/live/" + hall.eventId(), HALL);
        awaitLive();
        hall.mark(hall.chief, hall.mark("A01", "A1", "21"));
        soon(d -> "21.00".equals(totalOf("A01")));
        long seqBefore = seqOnScreen();

        server.stop();
        browser.await(attributeToBe(By.id("conn"), "data-state", "reconnecting"));
        assertThat(text(By.id("conn-text"))).startsWith("连接中断");
        screenshot("live-2-reconnecting-1920x1080");
        assertThat(rowBibs()).as("the last rows stay up while the line is down").containsExactly("A01", "A02", "A03");

        server.restart();
        new WebDriverWait(driver, RECONNECT).ignoring(StaleElementReferenceException.class)
                .until(d -> "live".equals(d.findElement(By.id("conn")).getAttribute("data-state"))
                        && Integer.parseInt(board().getAttribute("data-connects")) >= 2);
        assertThat(board().getAttribute("data-last-url")).as("resumed with the last applied seq")
                .contains("since=" + seqBefore);

        hall.mark(hall.chief, hall.mark("A03", "A1", "26.25"));
        soon(d -> "26.25".equals(totalOf("A03")) && rowBibs().getFirst().equals("A03"));
        hall.mark(hall.judge2, hall.mark("A02", "C1", "29"));
        soon(d -> "29.00".equals(totalOf("A02")) && rowBibs().getFirst().equals("A02"));
        assertThat(seqOnScreen()).isEqualTo(hall.leaderboard().getLong("seq"));
        assertThat(text(By.id("conn-text"))).isEqualTo("实时");
    }

    @Test
    @DisplayName("a hall's board at 1920×1080 and on phones: everything visible, nothing overflowing (screenshots)")
    void screenshotsForTheHallAndPhones() {
        HallContest hall = HallContest.create(server, Visibility.LIVE, 14, "数控车工");
        markTheHall(hall);
        JsonObject rest = hall.leaderboard();

        open("/live/" + hall.eventId(), HALL);
        awaitLive();
        browser.await(d -> seqOnScreen() == rest.getLong("seq"));
        browser.await(textToBePresentInElementLocated(By.id("contest-name"), "通州区"));
        assertThat(rowBibs()).hasSize(14);
        assertThat(rowBibs().subList(12, 14)).as("DQ, then DNS, at the end").containsExactly("A13", "A14");
        assertThat(row("A13").getText()).contains("取消资格");
        assertThat(row("A14").getText()).contains("缺赛");
        List<String> expected = rest.getJsonArray("rows").stream().map(r -> ((JsonObject) r).getString("bib")).toList();
        assertThat(rowBibs()).isEqualTo(expected);
        assertThat(driver.findElements(By.cssSelector(".medal"))).hasSize(3);
        assertThat(driver.findElements(By.cssSelector("li.row.entry.off-page"))).as("14 rows fit one page").isEmpty();
        assertNoOverflow();
        assertThat(visibleInViewport(row("A14"))).as("the last row is on the screen").isTrue();
        screenshot("live-3-hall-1920x1080");

        open("/live/" + hall.eventId() + "?lang=en", HALL);
        awaitLive();
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(text(By.id("final-badge"))).isEqualTo("Provisional");
        browser.await(d -> row("A13").getText().contains("Disqualified"));
        screenshot("live-4-hall-en-1920x1080");

        open("/live/" + hall.eventId(), PHONE);
        awaitLive();
        assertNoOverflow();
        screenshot("live-5-phone-390x844");
        open("/live/" + hall.eventId() + "?lang=en", SMALL_PHONE);
        awaitLive();
        assertNoOverflow();
        screenshot("live-6-phone-en-360x740");
    }

    @Test
    @DisplayName("ON_PUBLISH: a friendly notice until publication, then the final results")
    void onPublishShowsANoticeThenTheFinalResults() {
        HallContest hall = HallContest.create(server, Visibility.ON_PUBLISH, 3, "汽车维修工");
        hall.markFully("A01", "27", "9", "17", "18", "25", "26", "0");
        hall.markFully("A02", "25", "8", "16", "16", "22", "23", "1");
        hall.markFully("A03", "29", "9.5", "18", "19", "27", "28", "0");

        open("/live/" + hall.eventId(), HALL);
        browser.await(attributeToBe(By.id("conn"), "data-state", "unpublished"));
        assertThat(text(By.id("unpublished-title"))).isEqualTo("成绩将在公布后显示");
        assertThat(driver.findElements(By.cssSelector("li.row.entry"))).isEmpty();
        assertThat(text(By.id("event-name"))).isEqualTo("汽车维修工");
        screenshot("live-7-unpublished-1920x1080");

        Api api = server.api();
        String chief = api.token(hall.chief, HallContest.JUDGE_PASSWORD);
        Api.Response locked = api.post("/api/v1/events/" + hall.eventId() + "/lock", new JsonObject(), chief);
        assertThat(locked.status()).as(locked.body()).isIn(200, 204);
        hall.publish();

        // The notice checks again every 30 s.
        new WebDriverWait(driver, Duration.ofSeconds(45)).ignoring(StaleElementReferenceException.class)
                .until(d -> rowBibs().size() == 3);
        browser.await(attributeToBe(By.id("final-badge"), "data-final", "true"));
        assertThat(text(By.id("final-badge"))).isEqualTo("最终成绩");
        assertThat(rowBibs()).containsExactly("A03", "A01", "A02");
        assertThat(driver.findElements(By.cssSelector(".marking"))).isEmpty();
        screenshot("live-8-final-1920x1080");
    }

    @Test
    @DisplayName("kiosk mode cycles through the contest's events")
    void kioskCyclesThroughTheEvents() {
        HallContest hall = HallContest.create(server, Visibility.LIVE, 5, "数控车工", "钳工", "电工");
        markTheFirstFive(hall);
        open("/live/kiosk?contestId=" + hall.contestId + "&seconds=5", HALL);
        browser.await(attributeToBe(By.tagName("body"), "data-kiosk-event", String.valueOf(hall.eventIds.get(0))));
        browser.await(d -> d.findElements(By.cssSelector(".layer:not(.incoming):not(.outgoing) li.row.entry")).size() == 5);
        assertThat(text(By.cssSelector(".layer:not(.incoming):not(.outgoing) .kiosk-pos"))).isEqualTo("项目 1/3");
        screenshot("live-9-kiosk-1920x1080");
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(attributeToBe(By.tagName("body"), "data-kiosk-event",
                String.valueOf(hall.eventIds.get(1))));
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> "钳工".equals(d.findElement(By.cssSelector(".layer:not(.incoming):not(.outgoing) .event-name")).getText()));
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(attributeToBe(By.tagName("body"), "data-kiosk-event",
                String.valueOf(hall.eventIds.get(2))));
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(attributeToBe(By.tagName("body"), "data-kiosk-event",
                String.valueOf(hall.eventIds.get(0))));
        assertThat(driver.findElements(By.cssSelector(".layer")).size()).as("old boards are closed and removed").isLessThanOrEqualTo(2);
    }

    /** Twelve entries marked (two of them partly), one disqualified, one who did not start. */
    static void markTheHall(HallContest hall) {
        hall.markFully("A01", "27.5", "9", "17", "18", "25", "26", "0");
        hall.markFully("A02", "28", "8.5", "18", "18.5", "27", "27.5", "1");
        hall.markFully("A03", "25", "9.5", "16", "16.5", "24", "23", "0");
        hall.markFully("A04", "29", "9.5", "18.5", "19", "28", "27", "0.5");
        hall.markFully("A05", "22", "7", "15", "14", "21", "22", "2");
        hall.markFully("A06", "26", "8", "17.5", "17", "25.5", "26.5", "0");
        hall.markFully("A07", "24.5", "8.5", "16", "17", "23", "24", "0");
        hall.markFully("A08", "27", "9", "17", "16", "26", "25", "0");
        hall.markFully("A09", "23", "7.5", "14.5", "15.5", "20", "21", "1.5");
        hall.mark(hall.chief, hall.mark("A10", "A1", "26"), hall.mark("A10", "A2", "8"));
        hall.mark(hall.judge1, hall.mark("A10", "B1", "16"));
        hall.mark(hall.chief, hall.mark("A11", "A1", "21"));
        hall.markFully("A12", "25.5", "9", "18", "17.5", "24.5", "25", "0");
        hall.setStatus("A13", EntryStatus.DQ);
        hall.setStatus("A14", EntryStatus.DNS);
    }

    private static void markTheFirstFive(HallContest hall) {
        hall.markFully("A01", "27.5", "9", "17", "18", "25", "26", "0");
        hall.markFully("A02", "28", "8.5", "18", "18.5", "27", "27.5", "1");
        hall.markFully("A03", "25", "9.5", "16", "16.5", "24", "23", "0");
        hall.mark(hall.chief, hall.mark("A04", "A1", "29"));
    }

    private void open(String path, Dimension size) {
        viewport(size);
        driver.get(server.api().baseUrl() + path);
        browser.await(visibilityOfElementLocated(By.cssSelector(".board, .message")));
    }

    private void awaitLive() {
        new WebDriverWait(driver, LOAD).ignoring(StaleElementReferenceException.class)
                .until(d -> "live".equals(d.findElement(By.id("conn")).getAttribute("data-state"))
                        && !board().getAttribute("data-seq").isEmpty());
    }

    /** Waits at most {@link #ON_SCREEN}: what the API accepted must be on the screen by then. */
    private void soon(ExpectedCondition<Boolean> condition) {
        new WebDriverWait(driver, ON_SCREEN).pollingEvery(Duration.ofMillis(50))
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    private WebElement board() {
        return driver.findElement(By.cssSelector("section.board"));
    }

    private WebElement row(String bib) {
        return driver.findElement(By.cssSelector("li.row.entry[data-bib='" + bib + "']"));
    }

    private String totalOf(String bib) {
        return row(bib).findElement(By.cssSelector(".total")).getText();
    }

    private String widthOf(String bib, String module) {
        return row(bib).findElement(By.cssSelector(".mod[data-module='" + module + "'] .fill")).getAttribute("style")
                .replaceAll(".*width:\\s*([^;]+);?.*", "$1").trim();
    }

    private List<String> rowBibs() {
        return driver.findElements(By.cssSelector("li.row.entry")).stream().map(e -> e.getAttribute("data-bib")).toList();
    }

    private long seqOnScreen() {
        String seq = board().getAttribute("data-seq");
        return seq == null || seq.isEmpty() ? -1 : Long.parseLong(seq);
    }

    private int moves() {
        String moves = board().getAttribute("data-moves");
        return moves == null || moves.isEmpty() ? 0 : Integer.parseInt(moves);
    }

    private String text(By by) {
        return driver.findElement(by).getText();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private void assertNoOverflow() {
        Number scrollWidth = (Number) js("return document.documentElement.scrollWidth");
        Number innerWidth = (Number) js("return window.innerWidth");
        assertThat(scrollWidth.intValue()).as("no sideways scrolling").isLessThanOrEqualTo(innerWidth.intValue());
    }

    private boolean visibleInViewport(WebElement element) {
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
                "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight + 1;", element);
    }

    /** Screenshots show the board at rest: rows done moving, highlights faded. */
    private void screenshot(String name) {
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> (Boolean) js(
                "return document.querySelectorAll('li.row.entry.moving, li.row.entry.changed').length === 0"));
        Path file = browser.screenshot("LiveBoardPageTest-" + name);
        System.out.println("[screenshot] " + file.toAbsolutePath());
    }

    /** Sizes the window so that the page itself gets exactly this many CSS pixels. */
    private void viewport(Dimension size) {
        driver.manage().window().setSize(size);
        long width = ((Number) js("return window.innerWidth")).longValue();
        long height = ((Number) js("return window.innerHeight")).longValue();
        driver.manage().window().setSize(new Dimension(2 * size.width - (int) width, 2 * size.height - (int) height));
    }
}
