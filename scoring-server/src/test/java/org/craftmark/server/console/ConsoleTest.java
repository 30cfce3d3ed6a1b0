package org.craftmark.server.console;

import org.craftmark.server.demo.DemoSeed;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.Browser;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.numberOfElementsToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * The organizer console (/console) in a real headless Chromium against a real server: sign in,
 * set up a district contest, an event with its marking scheme, and import its entries from CSV.
 * Screenshots of each step land in target/screenshots/ for people to look at.
 */
@DisplayName("Organizer console in a browser")
class ConsoleTest {
    private static final String CSV_HEADER = "bib,name,idNumber,employer,trainingUnit,currentLevel";

    private static TestServer server;
    private static Browser browser;
    private static WebDriver driver;
    private static String console;

    @TempDir
    Path files;
    private String testName;
    private int step;

    @BeforeAll
    static void startServerAndBrowser() {
        server = TestServer.start(Backend.H2);
        new DemoSeed(server.app().services(), Clock.systemUTC()).seed();
        console = server.api().baseUrl() + "/console/";
        browser = Browser.start();
        driver = browser.driver();
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @BeforeEach
    void freshConsole(TestInfo info) {
        testName = info.getTestMethod().map(m -> m.getName()).orElse("test");
        step = 0;
        driver.manage().window().setSize(new Dimension(1366, 900));
        driver.get(console);
        assertThat(driver.findElements(By.id("lang-switch")))
                .as("the console page loads at %s (the browser shows \"%s\" at %s)", console, driver.getTitle(), driver.getCurrentUrl())
                .isNotEmpty();
        js("sessionStorage.clear(); localStorage.clear();");
        driver.get(console + "#/signin");
        driver.navigate().refresh();
        browser.await(visibilityOfElementLocated(By.id("signin-form")));
        browser.consoleMessages();
    }

    @AfterEach
    void lastScreenshot() {
        shot("end");
    }

    @Test
    @DisplayName("a wrong password is explained; the right one leads to the contests")
    void aWrongPasswordIsExplainedAndTheRightOneLeadsToTheContests() {
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("登录");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");

        signIn("tongzhou", "not-the-password");
        browser.await(textToBePresentInElementLocated(By.id("signin-notices-error"), "用户名或密码错误"));
        assertThat(driver.findElement(By.id("signin-password")).getAttribute("value")).isEmpty();
        shot("wrong-password");

        signIn("tongzhou", DemoSeed.DEMO_PASSWORD);
        browser.await(textToBePresentInElementLocated(By.tagName("h1"), "竞赛"));
        assertThat(driver.getCurrentUrl()).endsWith("#/contests");
        assertThat(driver.findElement(By.id("who")).getText()).contains("通州区竞赛组委会").contains("组织方");
        String token = (String) js("return JSON.parse(sessionStorage.getItem('craftmark.console.session')).token");
        assertThat(token).isNotBlank();
        assertThat(js("return localStorage.getItem('craftmark.console.session')")).isNull();

        driver.findElement(By.id("sign-out")).click();
        browser.await(textToBePresentInElementLocated(By.id("signin-notices-status"), "您已退出登录"));
        assertThat(js("return sessionStorage.getItem('craftmark.console.session')")).isNull();
        assertThat(driver.findElement(By.id("sign-out")).isDisplayed()).isFalse();
    }

    @Test
    @DisplayName("the sixth failed sign-in is rate-limited and says how long to wait")
    void theSixthFailedSignInIsRateLimitedAndSaysHowLongToWait() {
        By message = By.cssSelector("#signin-notices-error p");
        for (int attempt = 1; attempt <= 5; attempt++) {
            List<WebElement> previous = driver.findElements(message);
            signIn("chaoyang", "wrong-" + attempt);
            previous.forEach(p -> browser.await(stalenessOf(p)));
            browser.await(textToBePresentInElementLocated(message, "用户名或密码错误"));
        }

        WebElement fifth = driver.findElement(message);
        signIn("chaoyang", "wrong-6");
        browser.await(stalenessOf(fifth));

        browser.await(d -> d.findElement(By.id("signin-notices-error")).getText().matches("(?s).*登录失败次数过多，请在 \\d+ 秒后重试.*"));
        shot("rate-limited");
    }

    @Test
    @DisplayName("the 中文/EN toggle relabels the page in place and is remembered")
    void theLanguageToggleRelabelsThePageAndIsRemembered() {
        driver.findElement(By.id("signin-username")).sendKeys("typed-before-switching");

        driver.findElement(By.id("lang-en")).click();

        browser.await(textToBePresentInElementLocated(By.tagName("h1"), "Sign in"));
        assertThat(driver.findElement(By.cssSelector("label[for=signin-password]")).getText()).isEqualTo("Password");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(driver.findElement(By.id("lang-en")).getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(driver.findElement(By.id("signin-username")).getAttribute("value")).isEqualTo("typed-before-switching");
        assertThat(js("return localStorage.getItem('craftmark.lang')")).isEqualTo("en");

        driver.navigate().refresh();
        browser.await(textToBePresentInElementLocated(By.tagName("h1"), "Sign in"));
        shot("english");

        driver.findElement(By.id("lang-zh")).click();
        browser.await(textToBePresentInElementLocated(By.tagName("h1"), "登录"));
    }

    @Test
    @DisplayName("an organizer sets up a district contest, an event with a scheme, and imports its entries")
    void anOrganizerSetsUpADistrictContestAndImportsItsEntries() throws IOException {
        signIn("tongzhou", DemoSeed.DEMO_PASSWORD);
        browser.await(presenceOfElementLocated(By.cssSelector("[data-testid=contests-table]")));
        browser.await(presenceOfElementLocated(By.cssSelector("#contest-region option[value='110112']")));
        shot("contests");

        // A notice period of 31 days is refused next to its field.
        String contestName = "2026 年通州区职业技能大赛（测试 " + System.nanoTime() % 100000 + "）";
        type(By.id("contest-name"), contestName);
        new Select(driver.findElement(By.id("contest-tier"))).selectByValue("DISTRICT");
        new Select(driver.findElement(By.id("contest-region"))).selectByValue("110112");
        new Select(driver.findElement(By.id("contest-visibility"))).selectByValue("LIVE");
        type(By.id("contest-notice-days"), "31");
        driver.findElement(By.id("contest-submit")).click();
        browser.await(attributeToBe(By.id("contest-notice-days"), "aria-invalid", "true"));
        assertThat(fieldError("noticeDays")).isNotBlank();
        shot("contest-invalid-notice-days");

        type(By.id("contest-notice-days"), "5");
        driver.findElement(By.id("contest-submit")).click();
        browser.await(visibilityOfElementLocated(By.id("contest-created-link")));
        WebElement row = contestRow(contestName);
        assertThat(row.getText()).contains("区级").contains("通州区").contains("草稿");
        shot("contest-created");

        // Lifecycle: only the move the contest is ready for is offered — a DRAFT contest opens, it does not start.
        assertThat(contestRow(contestName).findElements(By.cssSelector("button[data-action=start]"))).as("no start on a draft").isEmpty();
        contestRow(contestName).findElement(By.cssSelector("button[data-action=open]")).click();
        browser.await(d -> contestRow(contestName).getText().contains("报名中"));
        shot("contest-opened");

        contestRow(contestName).findElement(By.cssSelector("a.contest-link")).click();
        browser.await(textToBePresentInElementLocated(By.tagName("h1"), contestName));
        browser.await(presenceOfElementLocated(By.cssSelector("[data-testid=events-table]")));

        // An event whose second criterion asks for the mean of one judge: refused on that row.
        type(By.id("event-occupation-code"), "6-18-01-01");
        type(By.id("event-occupation-name"), "车工");
        new Select(driver.findElement(By.id("event-group"))).selectByValue("EMPLOYEE");
        new Select(driver.findElement(By.id("event-mode"))).selectByValue("INDIVIDUAL");
        type(By.id("event-advance-quota"), "3");
        type(By.id("event-advance-min-score"), "60");
        fillCriterion(0, "A1", "A", "尺寸精度", "MEASUREMENT", "30", "SINGLE", "1");
        driver.findElement(By.id("criterion-add")).click();
        fillCriterion(1, "B1", "B", "工艺规范", "JUDGEMENT", "20", "MEAN", "1");
        type(By.id("event-tie-break"), "MODULE:A, TIME");
        driver.findElement(By.id("event-submit")).click();

        By secondRowProblems = By.cssSelector("tr.criterion-problems[data-index='1']");
        browser.await(visibilityOfElementLocated(secondRowProblems));
        assertThat(driver.findElement(secondRowProblems).getText()).as("the server's problem, in Chinese")
                .contains("裁判人数").contains("至少需要 2 名裁判").doesNotContain("judges");
        assertThat(criterionInput(1, "judges").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.cssSelector("tr.criterion-problems[data-index='0']")).isDisplayed()).isFalse();
        shot("event-invalid-scheme");

        type(criterionInput(1, "judges"), "3");
        driver.findElement(By.id("event-submit")).click();
        browser.await(visibilityOfElementLocated(By.id("event-created-link")));
        browser.await(textToBePresentInElementLocated(By.cssSelector("[data-testid=events-table]"), "车工"));
        assertThat(driver.findElements(By.cssSelector("tr.criterion-problems:not([hidden])"))).isEmpty();
        shot("event-created");

        driver.findElement(By.cssSelector("[data-testid=events-table] a.event-link")).click();
        browser.await(textToBePresentInElementLocated(By.tagName("h1"), "车工"));
        browser.await(presenceOfElementLocated(By.cssSelector("[data-testid=entries-table]")));
        assertThat(driver.findElement(By.id("csv-header")).getText()).isEqualTo(CSV_HEADER);
        assertThat(driver.findElement(By.cssSelector("[data-testid=scheme-table]")).getText()).contains("A1").contains("B1");

        // A file with a bad check digit in row 2 and an unknown level in row 3: nothing is imported,
        // and both rows' problems are listed.
        String zhang = residentId("11011219900307123");
        String li = residentId("11011219920815234");
        String wang = residentId("11010519881120308");
        assertThat(wang).as("one ID ends in X, sent in lower case").endsWith("X");
        String liWrongCheck = li.substring(0, 17) + (li.charAt(17) == '0' ? '1' : '0');
        Path bad = csv("bad.csv",
                "A01,张伟," + zhang + ",北京通州机械厂,通州区职业技术学校,L4",
                "A02,李娜," + liWrongCheck + ",北京精工机床有限公司,,L3",
                "A03,王芳," + wang + ",北京通州机械厂,,L9");
        upload(bad);
        browser.await(presenceOfElementLocated(By.cssSelector("[data-testid=import-problems-table]")));
        assertThat(driver.findElements(By.cssSelector("[data-testid=import-problems-table] tr[data-row='2'][data-field='idNumber']"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("[data-testid=import-problems-table] tr[data-row='3'][data-field='currentLevel']"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("[data-testid=import-problems-table] tr[data-row='1']"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector("[data-testid=entries-table]")).getText()).doesNotContain("A01");
        shot("import-rejected");

        Path good = csv("good.csv",
                "A01,张伟," + zhang + ",北京通州机械厂,通州区职业技术学校,L4",
                "A02,李娜," + li + ",北京精工机床有限公司,,L3",
                "A03,王芳," + wang.substring(0, 17) + "x" + ",北京通州机械厂,,NONE");
        upload(good);
        browser.await(textToBePresentInElementLocated(By.id("import-notices-status"), "已导入 3 个参赛单位"));
        browser.await(numberOfElementsToBe(By.cssSelector("[data-testid=entries-table] tr[data-bib]"), 3));
        assertThat(driver.findElements(By.cssSelector("[data-testid=import-problems-table]"))).isEmpty();
        String entries = driver.findElement(By.cssSelector("[data-testid=entries-table]")).getText();
        assertThat(entries).contains("A01", "张伟", masked(zhang), "A02", "李娜", masked(li), "A03", "王芳", masked(wang), "四级/中级工")
                .as("ID numbers are masked in the table").doesNotContain(zhang, li, wang);
        js("document.getElementById('entries-title').scrollIntoView()");
        shot("entries-imported");

        driver.findElement(By.id("lang-en")).click();
        browser.await(textToBePresentInElementLocated(By.cssSelector("[data-testid=entries-table]"), "Level 4 (intermediate)"));
        assertThat(driver.findElement(By.cssSelector("[data-testid=entries-table]")).getText()).contains("Active", "Registered directly");
        assertThat(driver.findElement(By.id("import-notices-status")).getText()).isEqualTo("3 entries imported.");
        shot("entries-in-english");

        assertThat(String.join("\n", browser.consoleMessages()))
                .as("nothing about the competitors is written to the browser console")
                .doesNotContain(zhang).doesNotContain(li).doesNotContain(wang.substring(0, 17));

        // On a phone-sized screen the page does not scroll sideways; wide tables scroll in their box.
        driver.manage().window().setSize(new Dimension(400, 860));
        browser.await(d -> (Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth"));
        shot("entries-narrow");
    }

    // ---- helpers ----

    private void signIn(String username, String password) {
        type(By.id("signin-username"), username);
        type(By.id("signin-password"), password);
        driver.findElement(By.id("signin-submit")).click();
    }

    /** 11010519491231002X → 110105********002X, as tables show ID numbers. */
    private static String masked(String idNumber) {
        return idNumber.substring(0, 6) + "********" + idNumber.substring(14);
    }

    private WebElement contestRow(String name) {
        return browser.await(d -> d.findElements(By.cssSelector("[data-testid=contests-table] tbody tr")).stream()
                .filter(tr -> tr.getText().contains(name))
                .findFirst()
                .orElse(null));
    }

    private String fieldError(String field) {
        return driver.findElement(By.cssSelector("[data-field='" + field + "'] .field-error")).getText();
    }

    private WebElement criterionInput(int index, String column) {
        return driver.findElement(By.cssSelector("tr.criterion[data-index='" + index + "'] td." + column + " input, "
                + "tr.criterion[data-index='" + index + "'] td." + column + " select"));
    }

    private void fillCriterion(int index, String code, String module, String name, String kind, String maxMark, String method, String judges) {
        browser.await(presenceOfElementLocated(By.cssSelector("tr.criterion[data-index='" + index + "']")));
        type(criterionInput(index, "code"), code);
        type(criterionInput(index, "module"), module);
        type(criterionInput(index, "name"), name);
        new Select(criterionInput(index, "kind")).selectByValue(kind);
        type(criterionInput(index, "maxMark"), maxMark);
        new Select(criterionInput(index, "method")).selectByValue(method);
        type(criterionInput(index, "judges"), judges);
    }

    private void upload(Path file) {
        driver.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("import-submit")).click();
    }

    private Path csv(String name, String... rows) throws IOException {
        Path file = files.resolve(name);
        Files.writeString(file, CSV_HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n", StandardCharsets.UTF_8);
        return file;
    }

    private void type(By locator, String text) {
        type(driver.findElement(locator), text);
    }

    private static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private void shot(String what) {
        step++;
        browser.screenshot(String.format("ConsoleTest-%s-%02d-%s", testName, step, what));
    }

    /** A resident ID with its GB 11643 check character: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, sum mod 11 → "10X98765432". */
    static String residentId(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
