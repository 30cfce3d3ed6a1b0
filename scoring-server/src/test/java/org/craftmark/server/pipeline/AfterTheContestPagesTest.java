package org.craftmark.server.pipeline;

import io.vertx.core.json.JsonObject;
import org.craftmark.server.testing.InBrowser;
import org.craftmark.server.testing.TestVertx;
import org.craftmark.server.testing.Season;
import org.craftmark.server.testing.SeasonOverHttp;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftmark.server.testing.SeasonOverHttp.ok;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * After the contest, in the console and on the public 公示 page, in Chromium: the lifecycle button
 * with its confirmation, an appeal filed and upheld, the corrected results republished as version 2
 * (the public page shows it without a reload), finality, advancement and its report, and a person
 * looked up by ID number. The chief judge's correction goes through the API (his desk is another page).
 */
@DisplayName("After the contest in the browser: lifecycle, appeals, 公示, advancement, person history")
class AfterTheContestPagesTest extends InBrowser {
    private static SeasonOverHttp season;
    private static long district;
    private static long event;
    private static long city;
    private static final String ZHANG = Season.idNumber(4401);

    @BeforeAll
    static void season() {
        season = new SeasonOverHttp(server, TestVertx.shared());
        season.regions();
        city = season.contest("2026 北京市职业技能大赛", "CITY", "110000", null, 5);
        season.event(city, "6-18-01-01", "车工", 3, null);
        season.move(city, "open");
        district = season.contest("2026 通州区职业技能大赛", "DISTRICT", "110112", city, 5);
        event = season.event(district, "6-18-01-01", "车工", 2, null);
        season.move(district, "open");
        long a = season.enter(event, "A01", "张伟", ZHANG, "北京现代汽车有限公司");
        long b = season.enter(event, "A02", "欧阳娜娜", Season.idNumber(4402), "首钢集团");
        long c = season.enter(event, "A03", "王强", Season.idNumber(4403), "北京一机床");
        season.seat(event, season.judge("pages-chief"), "CHIEF");
        season.move(district, "start");
        season.mark(event, "pages-chief", Map.of(a, 91, b, 85, c, 80));
        season.lock(event, "pages-chief");
    }

    private void shot(String what) {
        browser.screenshot("AfterTheContest-" + testName + "-" + what);
    }

    private void signIn() {
        driver.get(server.api().baseUrl() + "/console/#/signin");
        ((JavascriptExecutor) driver).executeScript("sessionStorage.clear(); localStorage.setItem('craftmark.lang', 'zh');");
        driver.navigate().refresh();
        browser.await(visibilityOfElementLocated(By.id("signin-form")));
        driver.findElement(By.id("signin-username")).sendKeys("admin");
        driver.findElement(By.id("signin-password")).sendKeys(TestServer.ADMIN_PASSWORD);
        driver.findElement(By.id("signin-submit")).click();
        browser.await(textToBePresentInElementLocated(By.tagName("h1"), "竞赛"));
    }

    private void openContest(long id) {
        driver.get(server.api().baseUrl() + "/console/#/contests/" + id);
        browser.await(d -> d.findElements(By.cssSelector("#lifecycle-timeline li")).size() >= 5);
    }

    /** Clicks the next-move button, checks the confirmation says {@code expected}, confirms, waits for the move. */
    private void nextMove(String label, String expected, String doneStatus) {
        WebElement next = browser.await(elementToBeClickable(By.id("lifecycle-next")));
        assertThat(next.getText()).isEqualTo(label);
        next.click();
        browser.await(visibilityOfElementLocated(By.id("lifecycle-confirm")));
        assertThat(driver.findElement(By.id("lifecycle-confirm-text")).getText()).contains(expected);
        shot("confirm-" + doneStatus);
        driver.findElement(By.id("lifecycle-confirm-ok")).click();
        browser.await(attributeToBe(By.cssSelector("#lifecycle-timeline li.current"), "data-status", doneStatus));
    }

    @Test
    void theContestIsPublishedAppealedRepublishedFinalizedAndAdvancedFromThePages() {
        driver.manage().window().setSize(new Dimension(1366, 900));
        signIn();
        openContest(district);
        assertThat(driver.findElement(By.cssSelector("#lifecycle-timeline li.current")).getAttribute("data-status")).isEqualTo("RUNNING");
        nextMove("发布成绩（公示）", "发布 1 个竞赛项目的成绩；公示期至 2026-11-26", "PUBLISHED");
        WebElement finalize = browser.await(visibilityOfElementLocated(By.id("lifecycle-next")));
        assertThat(finalize.getText()).isEqualTo("成绩终审");
        assertThat(finalize.isEnabled()).as("the notice period runs").isFalse();
        assertThat(driver.findElement(By.id("lifecycle-blockers")).getText()).contains("公示期至 2026-11-26");
        shot("published");

        driver.findElement(By.id("contest-appeals-link")).click();
        browser.await(visibilityOfElementLocated(By.id("appeal-form")));
        browser.await(d -> new Select(d.findElement(By.id("appeal-entry"))).getOptions().size() == 3);
        new Select(driver.findElement(By.id("appeal-entry"))).selectByVisibleText("A03 王强");
        driver.findElement(By.id("appeal-reason")).sendKeys("A1 尺寸复测有误");
        driver.findElement(By.id("appeal-submit")).click();
        browser.await(textToBePresentInElementLocated(By.id("appeal-form-notices-status"), "已登记申诉"));
        WebElement row = browser.await(visibilityOfElementLocated(By.cssSelector("tr[data-status=OPEN]")));
        row.findElement(By.cssSelector(".note-input")).sendKeys("复测成立，更正 A1");
        row.findElement(By.cssSelector("[data-decision=UPHELD]")).click();
        browser.await(visibilityOfElementLocated(By.cssSelector("tr[data-status=UPHELD]")));
        assertThat(driver.findElement(By.cssSelector("tr[data-status=UPHELD]")).getText()).contains("成立", "更正待发布");
        shot("appeal-upheld");

        driver.get(server.api().baseUrl() + "/results/" + district);
        browser.await(attributeToBe(By.id("version"), "data-version", "1"));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("张*", "欧**", "公示期至").doesNotContain(ZHANG);
        shot("public-v1");

        correctA03To95();
        signInAgainAndRepublish();
        driver.get(server.api().baseUrl() + "/results/" + district);
        browser.await(attributeToBe(By.id("version"), "data-version", "2"));
        List<WebElement> bibs = driver.findElements(By.cssSelector(".event tbody tr"));
        assertThat(bibs.getFirst().getAttribute("data-bib")).isEqualTo("A03");
        assertThat(driver.findElement(By.id("version")).getText()).contains("第 2 版");
        shot("public-v2");

        server.clock().advance(Duration.ofDays(5));
        signIn();
        openContest(district);
        nextMove("成绩终审", "成为最终成绩", "FINAL");
        nextMove("晋级至上一级竞赛", "2 名选手将晋级至 2026 北京市职业技能大赛", "FINAL");
        browser.await(attributeToBe(By.cssSelector("#lifecycle-timeline li[data-status=ADVANCED]"), "class", "done"));
        shot("advanced");

        driver.findElement(By.id("contest-advancement-link")).click();
        browser.await(visibilityOfElementLocated(By.cssSelector("[data-testid=advanced-table] tbody tr[data-bib]")));
        assertThat(driver.findElements(By.cssSelector("[data-testid=advanced-table] tbody tr[data-bib]")))
                .extracting(r -> r.getAttribute("data-bib")).containsExactly("A03", "A01");
        assertThat(driver.findElement(By.cssSelector("[data-testid=advanced-table]")).getText()).contains("110112-A03", "110112-A01");
        shot("advancement-report");

        driver.findElement(By.id("nav-persons")).click();
        browser.await(visibilityOfElementLocated(By.id("person-form")));
        driver.findElement(By.id("person-id")).sendKeys(ZHANG);
        driver.findElement(By.id("person-submit")).click();
        browser.await(textToBePresentInElementLocated(By.id("person-name"), "张伟"));
        assertThat(driver.findElements(By.cssSelector("[data-testid=history-table] tbody tr")))
                .extracting(r -> r.getAttribute("data-tier")).containsExactly("DISTRICT", "CITY");
        assertThat(driver.getCurrentUrl()).as("no ID number in the address bar").doesNotContain(ZHANG);
        shot("person-history");
    }

    private void correctA03To95() {
        String chief = season.api().token("pages-chief", SeasonOverHttp.JUDGE_PASSWORD);
        long chiefId = season.get("/api/v1/events/" + event + "/panel").getJsonArray("items").getJsonObject(0).getLong("userId");
        long a03 = season.get("/api/v1/events/" + event + "/entries").getJsonArray("items").getJsonObject(2).getLong("id");
        ok(200, season.api().post("/api/v1/entries/" + a03 + "/corrections", new JsonObject().put("criterion", "A1")
                .put("judgeUserId", chiefId).put("value", 95).put("reason", "申诉复测"), chief));
        season.lock(event, "pages-chief");
    }

    /** The public page is open while the organizer republishes in the console: it shows version 2 by itself. */
    private void signInAgainAndRepublish() {
        String publicPage = driver.getWindowHandle();
        driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        signIn();
        openContest(district);
        nextMove("发布更正后的成绩（第 2 版）", "作为第 2 版", "PUBLISHED");
        driver.close();
        driver.switchTo().window(publicPage);
        browser.await(attributeToBe(By.id("version"), "data-version", "2"));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("成绩已更新为第 2 版");
    }
}
