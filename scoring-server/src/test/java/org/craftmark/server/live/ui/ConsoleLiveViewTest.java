package org.craftmark.server.live.ui;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.store.ContestStore.Visibility;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.Browser;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * The organizer console's live view (#/events/{id}/live) in a real headless Chromium: the heat map
 * shows exactly the marks entered and the ones missing, per judge and criterion, follows new marks
 * by itself, and the leniency chart flags the judges far from the panel. Its link opens the big
 * screen with the scheme known, so module bars are shares of each module's maximum.
 */
@DisplayName("Console live view in a browser")
class ConsoleLiveViewTest {
    /** A leaderboard frame makes the view read the progress again at once (no waiting for its 5 s poll). */
    private static final Duration FOLLOWS_A_MARK = Duration.ofSeconds(3);

    private static TestServer server;
    private static Browser browser;
    private static WebDriver driver;

    @BeforeAll
    static void start() {
        server = TestServer.start(Backend.H2);
        browser = Browser.start();
        driver = browser.driver();
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.consoleMessages().forEach(m -> System.out.println("[console] " + m));
                browser.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    @DisplayName("the heat map shows the marks in and missing as entered; leniency outliers are flagged; the big-screen link works")
    void heatMapCountsMatchWhatWasEntered() {
        HallContest hall = HallContest.create(server, Visibility.LIVE, 5, "数控车工");
        // Chief: A1 on four entries, A2 on two, no deductions yet. Judge 1: B1 on three, C1 on one.
        // Judge 2: B1 on two, far below judge 1 (a severe judge next to a lenient one).
        hall.mark(hall.chief, hall.mark("A01", "A1", "30"), hall.mark("A02", "A1", "20"), hall.mark("A03", "A1", "25"),
                hall.mark("A04", "A1", "18"), hall.mark("A01", "A2", "10"), hall.mark("A02", "A2", "5"));
        hall.mark(hall.judge1, hall.mark("A01", "B1", "18"), hall.mark("A02", "B1", "17"), hall.mark("A03", "B1", "16"),
                hall.mark("A01", "C1", "26"));
        hall.mark(hall.judge2, hall.mark("A01", "B1", "10"), hall.mark("A02", "B1", "9"));
        Map<String, Map<String, int[]>> expected = new LinkedHashMap<>();
        expected.put(hall.chief, Map.of("A1", new int[] {4, 1}, "A2", new int[] {2, 3}, "S1", new int[] {0, 5}));
        expected.put(hall.judge1, Map.of("B1", new int[] {3, 2}, "C1", new int[] {1, 4}));
        expected.put(hall.judge2, Map.of("B1", new int[] {2, 3}, "C1", new int[] {0, 5}));

        driver.manage().window().setSize(new Dimension(1366, 900));
        signIn();
        driver.get(server.api().baseUrl() + "/console/#/events/" + hall.eventId() + "/live");
        browser.await(presenceOfElementLocated(By.cssSelector("#heatmap td.cell")));
        browser.await(textToBePresentInElementLocated(By.id("live-title"), "数控车工"));

        Map<String, Map<String, Cell>> cells = cells();
        for (var judge : expected.entrySet()) {
            for (String criterion : List.of("A1", "A2", "B1", "C1", "S1")) {
                Cell cell = cells.get(judge.getKey()).get(criterion);
                int[] counts = judge.getValue().get(criterion);
                if (counts == null) {
                    assertThat(cell.assigned()).as(judge.getKey() + " " + criterion).isFalse();
                    continue;
                }
                assertThat(List.of(cell.in(), cell.missing())).as(judge.getKey() + " " + criterion).containsExactly(counts[0], counts[1]);
                assertThat(cell.text()).as(judge.getKey() + " " + criterion).startsWith(counts[0] + "/" + (counts[0] + counts[1]));
                if (counts[1] > 0) {
                    assertThat(cell.text()).contains("缺 " + counts[1]);
                }
            }
        }
        String chiefMissing = browser.await(d -> d.findElement(By.cssSelector("#heatmap tr[data-username='" + hall.chief + "'] td.missing-total")).getText());
        assertThat(chiefMissing).isEqualTo("9");
        assertThat(heatMap()).as("the page says what the progress endpoint says").isEqualTo(progressFromApi(hall));
        assertThat(driver.findElement(By.id("live-stat-lock")).getText()).contains("未锁定");
        assertThat(driver.findElement(By.id("live-stat-discrepancies")).getText()).contains("0");
        assertThat(driver.findElement(By.id("no-discrepancies")).getText()).isEqualTo("没有待处理的分歧。");
        assertThat(driver.findElement(By.id("recheck")).getText()).isEqualTo("尚未开始");

        // Judge 1 marks 3 points above the panel's mean on a 20-point criterion (+15%), judge 2 below.
        List<String> leniency = browser.await(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#leniency-chart li.lean-row"));
            return rows.size() == 2 ? rows.stream().map(r -> r.getAttribute("data-outlier") + " "
                    + r.findElement(By.cssSelector(".lean-value")).getText() + " " + r.findElement(By.cssSelector(".lean-name")).getText().replaceAll("\\s+", " ")).toList() : null;
        });
        assertThat(leniency).containsExactlyInAnyOrder("true +20% 王志强 偏宽", "true −20% 陈丽华 偏严");
        screenshot("console-live-1-zh-1366");

        // A new mark: the heat map follows it without a reload.
        hall.mark(hall.chief, hall.mark("A05", "A1", "22"));
        new WebDriverWait(driver, FOLLOWS_A_MARK).until(d -> cells().get(hall.chief).get("A1").in() == 5);
        assertThat(cells().get(hall.chief).get("A1").text()).startsWith("5/5").contains("✓");
        assertThat(heatMap()).isEqualTo(progressFromApi(hall));

        // English, and a narrow window.
        driver.findElement(By.id("lang-en")).click();
        browser.await(textToBePresentInElementLocated(By.id("heatmap-title"), "Marking progress heat map"));
        browser.await(textToBePresentInElementLocated(By.id("live-stamp"), "Refreshes every 5 s"));
        screenshot("console-live-2-en-1366");
        driver.manage().window().setSize(new Dimension(400, 860));
        browser.await(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return document.documentElement.scrollWidth <= window.innerWidth"));
        screenshot("console-live-3-en-400");
        driver.findElement(By.id("lang-zh")).click();
        driver.manage().window().setSize(new Dimension(1366, 900));

        // The big screen, opened from here, knows the scheme: bars are shares of each module's maximum (A: 40).
        String console = driver.getWindowHandle();
        driver.findElement(By.id("big-screen-link")).click();
        String screen = browser.await(d -> d.getWindowHandles().stream().filter(w -> !w.equals(console)).findFirst().orElse(null));
        driver.switchTo().window(screen);
        try {
            browser.await(visibilityOfElementLocated(By.cssSelector("li.row.entry[data-bib='A02']")));
            browser.await(textToBePresentInElementLocated(By.id("scale-note"), "占该模块满分的比例"));
            String width = driver.findElement(By.cssSelector("li.row.entry[data-bib='A02'] .mod[data-module='A'] .fill")).getAttribute("style");
            assertThat(width).as("A02: 25 of module A's 40").contains("62.5%");
            assertThat(driver.findElement(By.cssSelector(".legend-mod[data-module='A']")).getText().replaceAll("\\s+", "")).isEqualTo("A/40");
        } finally {
            driver.close();
            driver.switchTo().window(console);
        }
    }

    /** One heat-map cell as the page shows it. */
    private record Cell(boolean assigned, int in, int missing, String text) {
    }

    /** Every cell at one instant (the view redraws as marks arrive): username → criterion → cell. */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Cell>> cells() {
        List<Map<String, Object>> found = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript("""
                return [...document.querySelectorAll('#heatmap tbody tr[data-username] td.cell')].map(td => ({
                  judge: td.closest('tr').dataset.username, criterion: td.dataset.criterion, assigned: !td.classList.contains('na'),
                  in: Number(td.dataset.in ?? -1), missing: Number(td.dataset.missing ?? -1), text: td.innerText}));""");
        Map<String, Map<String, Cell>> map = new LinkedHashMap<>();
        for (Map<String, Object> c : found) {
            map.computeIfAbsent((String) c.get("judge"), k -> new LinkedHashMap<>()).put((String) c.get("criterion"), new Cell(
                    (Boolean) c.get("assigned"), ((Number) c.get("in")).intValue(), ((Number) c.get("missing")).intValue(), (String) c.get("text")));
        }
        return map;
    }

    /** The heat map as data: username → criterion → [in, missing]; unassigned cells left out. */
    private Map<String, Map<String, List<Integer>>> heatMap() {
        Map<String, Map<String, List<Integer>>> map = new LinkedHashMap<>();
        cells().forEach((judge, cells) -> {
            Map<String, List<Integer>> counts = new LinkedHashMap<>();
            cells.forEach((criterion, cell) -> {
                if (cell.assigned()) {
                    counts.put(criterion, List.of(cell.in(), cell.missing()));
                }
            });
            map.put(judge, counts);
        });
        return map;
    }

    private static Map<String, Map<String, List<Integer>>> progressFromApi(HallContest hall) {
        String token = server.api().token("admin", TestServer.ADMIN_PASSWORD);
        JsonObject progress = server.api().get("/api/v1/events/" + hall.eventId() + "/progress", token).json();
        Map<String, Map<String, List<Integer>>> map = new LinkedHashMap<>();
        for (Object j : progress.getJsonArray("judges")) {
            JsonObject judge = (JsonObject) j;
            Map<String, List<Integer>> cells = new LinkedHashMap<>();
            for (Object c : judge.getJsonArray("criteria", new JsonArray())) {
                JsonObject criterion = (JsonObject) c;
                cells.put(criterion.getString("code"), List.of(criterion.getInteger("in"), criterion.getInteger("missing")));
            }
            map.put(judge.getString("username"), cells);
        }
        return map;
    }

    private void signIn() {
        driver.get(server.api().baseUrl() + "/console/#/signin");
        ((JavascriptExecutor) driver).executeScript("sessionStorage.clear(); localStorage.clear();");
        driver.navigate().refresh();
        browser.await(visibilityOfElementLocated(By.id("signin-form")));
        driver.findElement(By.id("signin-username")).sendKeys("admin");
        driver.findElement(By.id("signin-password")).sendKeys(TestServer.ADMIN_PASSWORD);
        driver.findElement(By.id("signin-submit")).click();
        browser.await(visibilityOfElementLocated(By.id("sign-out")));
    }

    /** The whole page, as tall as it is (the window grows for the shot, then goes back). */
    private static void screenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        long chrome = before.height - ((Number) js.executeScript("return window.innerHeight")).longValue();
        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new Dimension(before.width, (int) (height + chrome)));
        try {
            Path file = browser.screenshot("ConsoleLiveViewTest-" + name);
            System.out.println("[screenshot] " + file.toAbsolutePath());
        } finally {
            driver.manage().window().setSize(before);
        }
    }
}
