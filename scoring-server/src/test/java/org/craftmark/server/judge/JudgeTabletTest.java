package org.craftmark.server.judge;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Kind;
import org.craftmark.core.marking.Method;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.store.MarkStore.StoredMark;
import org.craftmark.server.store.PanelStore.PanelSeat;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.InBrowser;
import org.craftmark.server.testing.MarkingFixture;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * The judge tablet (/judge) in a real headless Chromium against a real server: sign in, mark, see
 * the server's verdict on every mark, survive the server going away, and follow its pushes. Marks
 * are checked in the server's database, so "accepted" on the screen means stored exactly once.
 * Screenshots in portrait (800×1280) and landscape (1280×800) land in target/screenshots/.
 */
@DisplayName("Judge tablet in a browser")
class JudgeTabletTest extends InBrowser {
    private static final Dimension PORTRAIT = new Dimension(800, 1280);
    private static final Dimension LANDSCAPE = new Dimension(1280, 800);
    /** Long enough for the tablet's reconnect backoff (capped at 15 s) to come round after a restart. */
    private static final Duration RECONNECT_WAIT = Duration.ofSeconds(60);
    private static final List<Criterion> SCHEME = List.of(
            new Criterion("A1", "A", "尺寸精度", Kind.MEASUREMENT, BigDecimal.valueOf(30), Method.SINGLE, 1),
            new Criterion("B1", "B", "工艺规范", Kind.JUDGEMENT, BigDecimal.valueOf(20), Method.MEAN, 2),
            new Criterion("W1", "B", "作品外观", Kind.JUDGEMENT, BigDecimal.valueOf(9), Method.WSS, 3));

    private static int judges;

    private MarkingFixture season;

    @BeforeEach
    void openTablet() {
        season = MarkingFixture.create(server, SCHEME, List.of(), List.of("A01", "A02", "A03"), List.of("t-chief-" + (++judges)));
        driver.get(server.api().baseUrl() + "/judge/");
        viewport(PORTRAIT);
    }

    @Test
    @DisplayName("sign in, only unconflicted entries, local checks, marks accepted and stored once; 中文/English")
    void signInAndMarkWithEveryMarkAccepted() {
        String judge = "t-judge-" + (++judges);
        long judgeId = season.seatConflictedJudge(judge, "A02"); // affiliation = A02's employer

        signIn(judge);
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        browser.await(attributeToBe(By.id("status"), "data-state", "online"));
        assertThat(text(By.id("conn-text"))).isEqualTo("在线");
        browser.await(presenceOfElementLocated(By.cssSelector("button.event[data-event-id='" + season.eventId + "']")));
        browser.screenshot("judge-portrait-0-assignments");
        openEvent();
        browser.await(presenceOfElementLocated(By.cssSelector("button.bib[data-bib='A01']")));
        assertThat(driver.findElements(By.cssSelector("button.bib")).stream().map(e -> e.getAttribute("data-bib")))
                .as("A02 is from the judge's own unit: left out").containsExactly("A01", "A03");
        browser.screenshot("judge-portrait-1-entries");

        openEntry("A01");
        chooseCriterion("A1");
        assertThat(text(By.id("mark-limits"))).isEqualTo("0 – 30 分，最多 2 位小数");
        type("35");
        browser.await(textToBePresentInElementLocated(By.id("mark-message"), "超出范围"));
        assertThat(text(By.id("mark-message"))).contains("0 到 30");
        type("12.345");
        browser.await(textToBePresentInElementLocated(By.id("mark-message"), "超过 2 位小数"));
        type("abc");
        browser.await(textToBePresentInElementLocated(By.id("mark-message"), "不是有效的分数"));
        assertThat(rows()).as("nothing invalid is queued").isEmpty();
        assertThat(text(By.id("pending-count"))).isEqualTo("0");

        // A push re-renders the page while the judge is typing: what they typed and the caret stay put.
        WebElement field = driver.findElement(By.id("mark-value"));
        field.clear();
        field.sendKeys("2");
        server.app().services().judges().push(season.eventId, new JsonObject().put("type", "unlocked").put("eventId", season.eventId));
        browser.await(textToBePresentInElementLocated(By.id("alerts"), "已解锁"));
        driver.findElement(By.id("mark-value")).sendKeys("7.5");
        assertThat(driver.findElement(By.id("mark-value")).getAttribute("value")).isEqualTo("27.5");
        click(By.id("mark-submit"));
        awaitState("A01", "A1", "accepted");
        chooseCriterion("B1");
        type("18.25");
        awaitState("A01", "B1", "accepted");
        chooseCriterion("W1");
        assertThat(driver.findElements(By.id("mark-value"))).as("WSS: buttons, not a field").isEmpty();
        assertThat(driver.findElements(By.cssSelector("button.wss-button")).stream().map(WebElement::getText))
                .containsExactly("0", "1", "2", "3");
        browser.screenshot("judge-portrait-2-wss");
        click(By.cssSelector("button.wss-button[data-value='2']"));
        awaitState("A01", "W1", "accepted");
        assertThat(text(By.id("pending-count"))).isEqualTo("0");
        assertThat(rowFor("A01", "A1").getText()).contains("已接收");
        browser.screenshot("judge-portrait-3-accepted");

        assertStoredExactlyOnce(judgeId, tabletMarks(), Map.of("A1", "27.5", "B1", "18.25", "W1", "2"));

        viewport(LANDSCAPE);
        click(By.id("lang"));
        browser.await(attributeToBe(By.tagName("html"), "lang", "en"));
        chooseCriterion("A1");
        assertThat(text(By.id("mark-limits"))).isEqualTo("0 – 30, 2 decimals");
        assertThat(rowFor("A01", "A1").getText()).contains("Accepted");
        driver.navigate().refresh();
        browser.await(attributeToBe(By.id("status"), "data-state", "online"));
        assertThat(driver.findElement(By.id("lang")).getText()).as("English is remembered").isEqualTo("中文");
        assertThat(text(By.id("conn-text"))).isEqualTo("Online");
        browser.await(presenceOfElementLocated(By.cssSelector("#history-table tr.mark")));
        assertThat(rows()).as("the tablet keeps the judge's marks across a reload").hasSize(3);
        browser.screenshot("judge-landscape-1-entry-en");
        click(By.id("nav-marks"));
        browser.await(visibilityOfElementLocated(By.id("marks-table")));
        browser.screenshot("judge-landscape-2-my-marks-en");
        click(By.id("lang"));
        browser.await(attributeToBe(By.tagName("html"), "lang", "zh-CN"));
    }

    @Test
    @DisplayName("marks the server rejects show its reason: criterion no longer assigned, event locked; locked/unlocked pushes")
    void rejectedMarksShowTheServersReason() {
        String judge = "t-judge-" + (++judges);
        long judgeId = season.seatJudgeFor(judge, List.of("A1", "B1"));
        signIn(judge);
        browser.await(attributeToBe(By.id("status"), "data-state", "online"));
        openEvent();
        openEntry("A01");
        assertThat(driver.findElements(By.cssSelector("button.criterion")).stream().map(e -> e.getAttribute("data-code")))
                .containsExactly("A1", "B1");

        // The organizer takes B1 away from this judge: the tablet gets fresh assignments at once.
        SignedInUser admin = server.app().services().users().find("admin").orElseThrow();
        server.app().services().panels().seat(admin, new PanelSeat(season.eventId, judgeId, "JUDGE", List.of("A1")));
        browser.await(invisibilityOfElementLocated(By.cssSelector("button.criterion[data-code='B1']")));
        assertThat(driver.findElements(By.cssSelector("button.criterion")).stream().map(e -> e.getAttribute("data-code")))
                .containsExactly("A1");

        // The chief locks the event; this tablet missed the push, so the server's answer tells it.
        server.app().database().stores().events().setLocked(season.eventId, true);
        chooseCriterion("A1");
        type("20");
        awaitState("A01", "A1", "rejected");
        WebElement reason = rowFor("A01", "A1").findElement(By.cssSelector(".reason"));
        assertThat(reason.getAttribute("data-code")).isEqualTo("EVENT_LOCKED");
        assertThat(reason.getText()).contains("项目已锁定");
        assertThat(text(By.id("alerts"))).contains("被拒绝");
        assertThat(text(By.id("mark-message"))).as("the form follows its mark").contains("A01 A1 = 20 被拒绝");
        assertThat(text(By.id("pending-count"))).as("a rejected mark is no longer pending").isEqualTo("0");
        browser.screenshot("judge-portrait-4-rejected");

        // With the push, the tablet closes marking for the event itself.
        server.app().services().judges().push(season.eventId, new JsonObject().put("type", "locked").put("eventId", season.eventId));
        browser.await(visibilityOfElementLocated(By.id("locked-note")));
        assertThat(driver.findElement(By.id("mark-value")).isEnabled()).isFalse();
        assertThat(driver.findElement(By.id("mark-submit")).isEnabled()).isFalse();
        viewport(LANDSCAPE);
        browser.screenshot("judge-landscape-3-locked");
        click(By.id("nav-events"));
        browser.await(presenceOfElementLocated(By.cssSelector("button.event.locked")));

        server.app().database().stores().events().setLocked(season.eventId, false);
        server.app().services().judges().push(season.eventId, new JsonObject().put("type", "unlocked").put("eventId", season.eventId));
        browser.await(invisibilityOfElementLocated(By.cssSelector("button.event.locked")));
        openEvent();
        openEntry("A01");
        chooseCriterion("A1");
        assertThat(driver.findElement(By.id("mark-value")).isEnabled()).isTrue();
        type("20");
        browser.await(d -> rowsFor("A01", "A1").stream().anyMatch(r -> "accepted".equals(r.getAttribute("data-state"))));
        assertThat(storedMarks(judgeId)).hasSize(1).first().satisfies(m -> {
            assertThat(m.criterion()).isEqualTo("A1");
            assertThat(m.value()).isEqualByComparingTo("20");
        });
    }

    @Test
    @DisplayName("marks entered while the server is down show pending, and are each stored exactly once when it is back")
    void marksEnteredWhileTheServerIsDownAreSentWhenItIsBack() {
        String judge = "t-judge-" + (++judges);
        long judgeId = season.seatJudgeFor(judge, List.of("A1", "B1", "W1"));
        signIn(judge);
        browser.await(attributeToBe(By.id("status"), "data-state", "online"));
        openEvent();
        openEntry("A01");
        chooseCriterion("A1");
        type("10");
        awaitState("A01", "A1", "accepted");

        server.stop();
        browser.await(attributeToBe(By.id("status"), "data-state", "offline"));
        assertThat(text(By.id("conn-text"))).isEqualTo("离线");
        chooseCriterion("B1");
        type("12.5");
        chooseCriterion("W1");
        click(By.cssSelector("button.wss-button[data-value='1']"));
        awaitRow("A01", "W1");
        click(By.id("next-entry"));
        browser.await(textToBePresentInElementLocated(By.id("entry-title"), "A02"));
        click(By.id("next-entry"));
        browser.await(textToBePresentInElementLocated(By.id("entry-title"), "A03"));
        chooseCriterion("A1");
        type("29");
        chooseCriterion("B1");
        type("0");
        awaitRow("A03", "B1");
        assertThat(text(By.id("pending-count"))).isEqualTo("4");
        assertThat(rowFor("A03", "A1").getAttribute("data-state")).isEqualTo("pending");
        assertThat(rowFor("A03", "A1").getText()).contains("待发送");
        browser.screenshot("judge-portrait-5-offline-pending");
        click(By.id("nav-marks"));
        browser.await(visibilityOfElementLocated(By.id("marks-table")));
        assertThat(driver.findElements(By.cssSelector("#marks-table tr.mark[data-state='pending']"))).hasSize(4);
        viewport(LANDSCAPE);
        browser.screenshot("judge-landscape-4-offline-my-marks");

        server.restart();
        new WebDriverWait(driver, RECONNECT_WAIT).until(attributeToBe(By.id("status"), "data-state", "online"));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(textToBePresentInElementLocated(By.id("pending-count"), "0"));
        browser.await(d -> driver.findElements(By.cssSelector("#marks-table tr.mark")).size() == 5
                && driver.findElements(By.cssSelector("#marks-table tr.mark[data-state='accepted']")).size() == 5);
        browser.screenshot("judge-landscape-5-back-online");

        List<Map<String, String>> onTablet = new ArrayList<>();
        for (WebElement row : driver.findElements(By.cssSelector("#marks-table tr.mark"))) {
            onTablet.add(Map.of("id", row.getAttribute("data-client-mark-id"), "bib", row.getAttribute("data-bib"),
                    "criterion", row.getAttribute("data-criterion"), "value", row.findElement(By.cssSelector(".mark-value")).getText()));
        }
        List<StoredMark> stored = storedMarks(judgeId);
        assertThat(stored).as("each mark stored once").hasSize(5);
        assertThat(stored).extracting(StoredMark::version).containsOnly(1);
        assertThat(stored.stream().map(StoredMark::clientMarkId).collect(Collectors.toSet()))
                .isEqualTo(onTablet.stream().map(m -> m.get("id")).collect(Collectors.toSet()));
        for (Map<String, String> mark : onTablet) {
            StoredMark match = stored.stream().filter(s -> s.clientMarkId().equals(mark.get("id"))).findFirst().orElseThrow();
            assertThat(match.entryId()).isEqualTo(season.entry(mark.get("bib")));
            assertThat(match.criterion()).isEqualTo(mark.get("criterion"));
            assertThat(match.value()).isEqualByComparingTo(mark.get("value"));
        }

        // The leaderboard counts each mark once: A01 = 10 + 12.5 + 9 × 1/3, A03 = 29 + 0.
        String admin = server.api().token("admin", TestServer.ADMIN_PASSWORD);
        Api.Response board = server.api().get("/api/v1/events/" + season.eventId + "/leaderboard", admin);
        assertThat(board.status()).as(board.body()).isEqualTo(200);
        Map<String, BigDecimal> totals = board.json().getJsonArray("rows").stream().map(JsonObject.class::cast)
                .collect(Collectors.toMap(r -> r.getString("bib"), r -> new BigDecimal(r.getValue("total").toString())));
        assertThat(totals.get("A01")).isEqualByComparingTo("25.5");
        assertThat(totals.get("A03")).isEqualByComparingTo("29");
    }

    @Test
    @DisplayName("a token refused after a restart asks to sign in again and keeps the queued marks")
    void anExpiredSessionKeepsTheQueue() {
        String judge = "t-judge-" + (++judges);
        long judgeId = season.seatJudgeFor(judge, List.of("A1"));
        signIn(judge);
        browser.await(attributeToBe(By.id("status"), "data-state", "online"));
        openEvent();
        openEntry("A03");
        server.stop();
        browser.await(attributeToBe(By.id("status"), "data-state", "offline"));
        chooseCriterion("A1");
        type("7.75");
        awaitRow("A03", "A1");
        server.clock().advance(Duration.ofHours(13)); // past the token's 12 hours
        server.restart();

        WebElement notice = new WebDriverWait(driver, RECONNECT_WAIT).until(visibilityOfElementLocated(By.id("signin-notice")));
        assertThat(notice.getText()).contains("登录已失效");
        assertThat(text(By.id("queued-notice"))).contains("1 条").contains(judge);
        browser.screenshot("judge-portrait-6-sign-in-again");
        assertThat(storedMarks(judgeId)).isEmpty();

        signIn(judge);
        browser.await(attributeToBe(By.id("status"), "data-state", "online"));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(textToBePresentInElementLocated(By.id("pending-count"), "0"));
        assertThat(storedMarks(judgeId)).singleElement().satisfies(m -> {
            assertThat(m.entryId()).isEqualTo(season.entry("A03"));
            assertThat(m.value()).isEqualByComparingTo("7.75");
        });
    }

    @Test
    @DisplayName("a WSS discrepancy push asks for a re-mark until the judge re-marks")
    void discrepancyAsksForARemark() {
        String judge = "t-judge-" + (++judges);
        long judgeId = season.seatJudgeFor(judge, List.of("W1"));
        String other1 = "t-judge-" + (++judges);
        String other2 = "t-judge-" + (++judges);
        season.seatJudgeFor(other1, List.of("W1"));
        season.seatJudgeFor(other2, List.of("W1"));
        batchMark(other1, "A02", "W1", 0);
        batchMark(other2, "A02", "W1", 1);

        signIn(judge);
        browser.await(attributeToBe(By.id("status"), "data-state", "online"));
        openEvent();
        openEntry("A02");
        click(By.cssSelector("button.wss-button[data-value='3']"));
        awaitState("A02", "W1", "accepted");
        browser.await(visibilityOfElementLocated(By.cssSelector("#discrepancies li.discrepancy-item[data-criterion='W1']")));
        assertThat(text(By.id("discrepancies"))).contains("请重新评分").contains("A02");
        assertThat(driver.findElement(By.cssSelector("button.criterion[data-code='W1']")).getText()).contains("需重评");
        viewport(LANDSCAPE);
        browser.screenshot("judge-landscape-6-discrepancy");

        click(By.cssSelector("button.wss-button[data-value='1']"));
        browser.await(invisibilityOfElementLocated(By.id("discrepancies")));
        // The list goes as soon as the judge re-marks, before the re-mark is acknowledged (and so stored).
        browser.await(d -> storedMarks(judgeId).size() == 2);
        assertThat(rowsFor("A02", "W1")).hasSize(2);
        List<StoredMark> stored = storedMarks(judgeId);
        assertThat(stored).extracting(StoredMark::version).containsExactly(1, 2);
        assertThat(stored.get(1).value()).isEqualByComparingTo("1");
    }

    // ------------------------------------------------------------------ helpers

    private void signIn(String username) {
        if (!driver.getCurrentUrl().contains("/judge/")) {
            driver.get(server.api().baseUrl() + "/judge/");
        }
        browser.await(visibilityOfElementLocated(By.id("username")));
        WebElement user = driver.findElement(By.id("username"));
        user.clear();
        user.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(MarkingFixture.JUDGE_PASSWORD);
        click(By.id("signin-submit"));
        browser.await(visibilityOfElementLocated(By.id("sign-out")));
    }

    /** Sizes the window so that the page itself gets exactly this many CSS pixels, as on the tablet. */
    private void viewport(Dimension size) {
        driver.manage().window().setSize(size);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        long width = ((Number) js.executeScript("return window.innerWidth")).longValue();
        long height = ((Number) js.executeScript("return window.innerHeight")).longValue();
        driver.manage().window().setSize(new Dimension(2 * size.width - (int) width, 2 * size.height - (int) height));
    }

    /** Clicks what the selector finds, looking again if the page re-rendered it meanwhile. */
    private void click(By by) {
        browser.await(d -> {
            d.findElement(by).click();
            return true;
        });
    }

    private void openEvent() {
        click(By.cssSelector("button.event[data-event-id='" + season.eventId + "']"));
        browser.await(presenceOfElementLocated(By.id("bibs")));
    }

    private void openEntry(String bib) {
        click(By.cssSelector("button.bib[data-bib='" + bib + "']"));
        browser.await(textToBePresentInElementLocated(By.id("entry-title"), bib));
    }

    private void chooseCriterion(String code) {
        click(By.cssSelector("button.criterion[data-code='" + code + "']"));
        browser.await(attributeToBe(By.cssSelector("button.criterion[data-code='" + code + "']"), "aria-pressed", "true"));
    }

    private void type(String value) {
        WebElement field = browser.await(elementToBeClickable(By.id("mark-value")));
        field.clear();
        field.sendKeys(value);
        click(By.id("mark-submit"));
    }

    private List<WebElement> rows() {
        return driver.findElements(By.cssSelector("#history-table tr.mark"));
    }

    private List<WebElement> rowsFor(String bib, String code) {
        return driver.findElements(By.cssSelector("#history-table tr.mark[data-bib='" + bib + "'][data-criterion='" + code + "']"));
    }

    /** The newest row of the judge's history for bib and criterion (rows are newest first). */
    private WebElement rowFor(String bib, String code) {
        return rowsFor(bib, code).getFirst();
    }

    private void awaitRow(String bib, String code) {
        browser.await(d -> !rowsFor(bib, code).isEmpty());
    }

    private void awaitState(String bib, String code, String state) {
        browser.await((ExpectedCondition<Boolean>) d -> {
            List<WebElement> found = rowsFor(bib, code);
            return !found.isEmpty() && state.equals(found.getFirst().getAttribute("data-state"));
        });
    }

    private String text(By by) {
        return driver.findElement(by).getText().trim();
    }

    /** The marks this tablet holds, read from its history table: criterion → client mark id. */
    private Map<String, String> tabletMarks() {
        return rows().stream().collect(Collectors.toMap(r -> r.getAttribute("data-criterion"), r -> r.getAttribute("data-client-mark-id")));
    }

    private void assertStoredExactlyOnce(long judgeId, Map<String, String> idsByCriterion, Map<String, String> valuesByCriterion) {
        List<StoredMark> stored = storedMarks(judgeId);
        assertThat(stored).hasSize(valuesByCriterion.size());
        for (StoredMark mark : stored) {
            assertThat(mark.clientMarkId()).isEqualTo(idsByCriterion.get(mark.criterion()));
            assertThat(mark.value()).isEqualByComparingTo(valuesByCriterion.get(mark.criterion()));
            assertThat(mark.version()).isEqualTo(1);
            assertThat(mark.entryId()).isEqualTo(season.entry("A01"));
        }
        assertThat(stored.stream().map(StoredMark::clientMarkId).collect(Collectors.toSet())).hasSize(stored.size());
    }

    /** Every version of every mark the judge has in the event, as the server stored them. */
    private List<StoredMark> storedMarks(long judgeId) {
        List<StoredMark> all = new ArrayList<>();
        for (long entryId : season.entries.values()) {
            server.app().database().stores().marks().historyOfEntry(entryId).stream()
                    .filter(m -> m.judgeUserId() == judgeId)
                    .forEach(all::add);
        }
        return all;
    }

    private void batchMark(String username, String bib, String criterion, int value) {
        Api api = server.api();
        String token = api.token(username, MarkingFixture.JUDGE_PASSWORD);
        JsonObject mark = new JsonObject().put("clientMarkId", UUID.randomUUID().toString()).put("eventId", season.eventId)
                .put("entryId", season.entry(bib)).put("criterion", criterion).put("value", value);
        Api.Response response = api.post("/api/v1/marks:batch", new JsonObject().put("marks", new JsonArray().add(mark)), token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().getJsonArray("acks").getJsonObject(0).getString("status")).isEqualTo("ACCEPTED");
    }
}
