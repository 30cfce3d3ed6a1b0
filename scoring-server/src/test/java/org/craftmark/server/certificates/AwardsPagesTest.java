package org.craftmark.server.certificates;

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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftmark.server.testing.SeasonOverHttp.ok;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * The awards pages in Chromium: an organizer sets 通州's award policy, sees what the FINAL contest
 * granted (filters, totals per payer), downloads a PDF and the ZIP with its progress, revokes a
 * certificate; anyone checks a certificate on /verify; an HR officer pulls the winner list.
 */
@DisplayName("Awards, certificates and winner lists in the browser")
class AwardsPagesTest extends InBrowser {
    private static SeasonOverHttp season;

    @BeforeAll
    static void season() {
        season = new SeasonOverHttp(server, TestVertx.shared());
        season.regions();
        ok(201, season.post("/api/v1/users", new JsonObject().put("username", "pages-hr").put("password", "hr-pass-1").put("role", "HR")
                .put("displayName", "通州区人社局").put("regionCode", "110112")));
    }

    private void shot(String what) {
        browser.screenshot("AwardsPages-" + testName + "-" + what);
    }

    private void signIn(String user, String password) {
        driver.get(server.api().baseUrl() + "/console/#/signin");
        ((JavascriptExecutor) driver).executeScript("sessionStorage.clear(); localStorage.setItem('craftmark.lang', 'zh');");
        driver.navigate().refresh();
        browser.await(visibilityOfElementLocated(By.id("signin-form")));
        driver.findElement(By.id("signin-username")).sendKeys(user);
        driver.findElement(By.id("signin-password")).sendKeys(password);
        driver.findElement(By.id("signin-submit")).click();
        browser.await(presenceOfElementLocated(By.id("nav-contests")));
    }

    /** 张伟's ID number in the contest {@link #finalDistrict} made with this salt. */
    private static String zhang(int salt) {
        return Season.idNumber(6600 + salt * 10);
    }

    /** A 通州 district contest, finalized from recorded ranks: 张伟 first, then 李娜, 王强, 赵敏 (persons new for each salt). */
    private static long finalDistrict(int salt) {
        long contest = season.contest("2026 通州区职业技能大赛", "DISTRICT", "110112", null, 0, 2026, "CLASS_II");
        long event = season.event(contest, "6-18-01-01", "车工", "EMPLOYEE", "INDIVIDUAL", null, null);
        season.move(contest, "open");
        Map<Long, Integer> ranks = new LinkedHashMap<>();
        List<String> names = List.of("张伟", "李娜", "王强", "赵敏");
        for (int i = 0; i < names.size(); i++) {
            ranks.put(season.enter(event, "A0" + (i + 1), SeasonOverHttp.competitor(names.get(i), Season.idNumber(6600 + salt * 10 + i),
                    "北京现代汽车有限公司", "北京市工业技师学院", "L4")), i + 1);
        }
        season.move(contest, "start");
        season.record(event, ranks);
        season.move(contest, "publish");
        season.move(contest, "finalize");
        return contest;
    }

    @Test
    void anOrganizerSetsThePolicySeesTheAwardsDownloadsAndRevokes() {
        driver.manage().window().setSize(new Dimension(1600, 1000));
        signIn("admin", TestServer.ADMIN_PASSWORD);
        driver.findElement(By.id("nav-policy")).click();
        browser.await(d -> new Select(d.findElement(By.id("policy-region"))).getOptions().size() >= 4);
        new Select(driver.findElement(By.id("policy-region"))).selectByValue("110112");
        browser.await(presenceOfElementLocated(By.cssSelector("tr[data-tier=DISTRICT] input[type=checkbox]")));
        driver.findElement(By.cssSelector("tr[data-tier=DISTRICT] input[type=checkbox]")).click();
        Map.of("GOLD", "5000", "SILVER", "3000", "BRONZE", "2000", "unit", "1000").forEach((amount, value) -> {
            WebElement input = driver.findElement(By.cssSelector("input.amount[data-tier=DISTRICT][data-amount=" + amount + "]"));
            input.clear();
            input.sendKeys(value);
        });
        driver.findElement(By.id("policy-save")).click();
        browser.await(textToBePresentInElementLocated(By.id("policy-notices-status"), "已保存"));
        shot("policy");

        long contest = finalDistrict(1);
        String zhangId = zhang(1);
        driver.get(server.api().baseUrl() + "/console/#/contests/" + contest);
        browser.await(visibilityOfElementLocated(By.id("contest-entitlements-link"))).click();
        browser.await(d -> d.findElements(By.cssSelector("[data-testid=entitlements-table] tbody tr[data-entry-id]")).size() == 4);
        WebElement zhang = driver.findElements(By.cssSelector("[data-testid=entitlements-table] tbody tr[data-entry-id]")).getFirst();
        assertThat(zhang.getText()).contains("张伟", "5,000", "三级/高级工").doesNotContain(zhangId).contains(zhangId.substring(0, 6) + "********");
        assertThat(driver.findElement(By.cssSelector("tr[data-payer='110112']")).getText()).contains("10,000", "3,000", "13,000");
        new Select(driver.findElement(By.id("filter-level"))).selectByValue("L3");
        assertThat(driver.findElements(By.cssSelector("[data-testid=entitlements-table] tbody tr[data-entry-id]"))).hasSize(4);
        new Select(driver.findElement(By.id("filter-level"))).selectByValue("NONE");
        assertThat(driver.findElements(By.cssSelector("[data-testid=entitlements-table] tbody tr[data-entry-id]"))).isEmpty();
        new Select(driver.findElement(By.id("filter-level"))).selectByValue("");
        shot("entitlements");

        zhang = driver.findElements(By.cssSelector("[data-testid=entitlements-table] tbody tr[data-entry-id]")).getFirst();
        String number = zhang.findElement(By.cssSelector("[data-pdf]")).getAttribute("data-pdf");
        zhang.findElement(By.cssSelector("[data-pdf]")).click();
        browser.await(d -> d.findElements(By.cssSelector("#downloads a[download$='.pdf']")).size() == 1);
        driver.findElement(By.id("zip-download")).click();
        browser.await(attributeToBe(By.id("zip-status"), "data-done", "true"));
        assertThat(driver.findElement(By.id("zip-status")).getText()).isEqualTo("已生成全部 4 份证书。");
        assertThat(driver.findElement(By.id("zip-progress")).getAttribute("value")).isEqualTo("4");
        shot("zip");

        WebElement li = driver.findElements(By.cssSelector("[data-testid=entitlements-table] tbody tr[data-entry-id]")).get(1);
        String revoked = li.findElement(By.cssSelector("[data-revoke]")).getAttribute("data-revoke");
        li.findElement(By.cssSelector("[data-revoke]")).click();
        li.findElement(By.cssSelector(".revoke-reason")).sendKeys("经查实冒名顶替");
        li.findElement(By.cssSelector("[data-revoke]")).click();
        browser.await(textToBePresentInElementLocated(By.id("entitlements-notices-status"), "已撤销"));
        shot("revoked");

        driver.get(server.api().baseUrl() + "/verify/" + number);
        browser.await(attributeToBe(By.id("verify-result"), "data-status", "VALID"));
        assertThat(driver.findElement(By.id("verify-status")).getText()).isEqualTo("有效");
        assertThat(driver.findElement(By.id("verify-holder")).getText()).isEqualTo("张*");
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("车工", "三级/高级工").doesNotContain(zhangId).doesNotContain("张伟");
        shot("verify-valid");
        driver.findElement(By.id("lang-en")).click();
        browser.await(textToBePresentInElementLocated(By.id("verify-status"), "VALID"));
        shot("verify-valid-en");
        driver.findElement(By.id("lang-zh")).click();
        driver.get(server.api().baseUrl() + "/verify/" + revoked);
        browser.await(attributeToBe(By.id("verify-result"), "data-status", "REVOKED"));
        assertThat(driver.findElement(By.id("verify-status")).getText()).isEqualTo("已撤销");
        shot("verify-revoked");
        driver.get(server.api().baseUrl() + "/verify/ABC123");
        browser.await(attributeToBe(By.id("verify-result"), "data-status", "PROBLEM"));
        assertThat(driver.findElement(By.id("verify-problem")).getText()).contains("不是有效的证书编号");
        assertThat(driver.getPageSource()).doesNotContain("\"error\"");
        shot("verify-malformed");
        driver.get(server.api().baseUrl() + "/verify/" + number.substring(0, 16) + "999999");
        browser.await(textToBePresentInElementLocated(By.id("verify-problem"), "没有找到"));
        shot("verify-unknown");
    }

    @Test
    void anHrOfficerPullsTheWinnerList() {
        finalDistrict(2);
        signIn("pages-hr", "hr-pass-1");
        assertThat(driver.findElements(By.id("nav-policy"))).isEmpty();
        driver.findElement(By.id("nav-winners")).click();
        browser.await(visibilityOfElementLocated(By.id("winners-form")));
        driver.findElement(By.id("winners-preview")).click();
        browser.await(d -> !d.findElements(By.cssSelector("[data-testid=winners-table] tbody tr[data-contest-id]")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("[data-testid=winners-table]")).getText()).contains("张伟", "通州区").doesNotContain(zhang(2));
        new Select(driver.findElement(By.id("winners-format"))).selectByValue("xlsx");
        driver.findElement(By.id("winners-download")).click();
        browser.await(attributeToBe(By.id("winners-status"), "data-done", "true"));
        assertThat(driver.findElement(By.cssSelector("#downloads a")).getAttribute("download")).isEqualTo("winners-2026.xlsx");
        shot("winners");
    }
}
