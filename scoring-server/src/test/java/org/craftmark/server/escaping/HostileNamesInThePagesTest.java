package org.craftmark.server.escaping;

import io.vertx.core.json.JsonObject;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.InBrowser;
import org.craftmark.server.testing.Season;
import org.craftmark.server.testing.SeasonOverHttp;
import org.craftmark.server.testing.TestServer;
import org.craftmark.server.testing.TestVertx;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftmark.server.testing.SeasonOverHttp.ok;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * A contest whose names are markup — a competitor {@code <img src=x onerror=alert(1)>}, units and an
 * event with {@code <script>} and {@code "><svg onload=…>} — walked through every page that shows
 * them: the console (entries, the live view, the appeals' leaderboard and appeals, entitlements, winners), the
 * judge tablet, the big screen, the 公示 and the verify page. Each shows the names as the literal
 * text they are, and no payload ever runs: every payload (and {@code alert}, replaced before any
 * page script) would set {@code window.__xss}, and no element a payload would create is in the DOM.
 */
@DisplayName("Names that are markup show as text on every page")
class HostileNamesInThePagesTest extends InBrowser {
    static final String IMG = "<img src=x onerror=alert(1)>";
    static final String SVG_UNIT = "\"><svg onload=window.__xss='svg'>";
    static final String SCRIPT_UNIT = "<script>window.__xss='script'</script>";
    static final String EVENT = "<script>window.__xss='event'</script>车工\"><svg onload=window.__xss='e'>";
    static final String CONTEST = "2026 \"><img src=x onerror=window.__xss='contest'> 通州区";
    static final String REASON = "<img src=x onerror=window.__xss='appeal'>复测";
    static final String FORMULA = "=HYPERLINK(\"http://x\",\"点击\")";
    static final String JUDGE = "x-chief";
    private static final String INJECTED = "img[src='x'], svg[onload], script:not([src]), iframe, [onerror], [onload]";

    private static SeasonOverHttp season;
    private static long contest;
    private static long event;
    private static String certificate;

    @BeforeAll
    static void aContestOfHostileNames() {
        season = new SeasonOverHttp(server, TestVertx.shared());
        season.regions();
        contest = season.contest(CONTEST, "DISTRICT", "110112", null, 1, 2026, "CLASS_II");
        event = season.event(contest, "6-18-01-01", EVENT, "EMPLOYEE", "INDIVIDUAL", null, null);
        season.move(contest, "open");
        Map<Long, Integer> totals = new LinkedHashMap<>();
        List<String> names = List.of(IMG, "<b>李娜</b>", "王强");
        for (int i = 0; i < names.size(); i++) {
            totals.put(season.enter(event, "X0" + (i + 1), SeasonOverHttp.competitor(names.get(i), Season.idNumber(8800 + i),
                    List.of(SVG_UNIT, "北京现代汽车有限公司", FORMULA).get(i), SCRIPT_UNIT, "L4")), 90 - i * 5);
        }
        season.seat(event, season.judge(JUDGE), "CHIEF");
        season.move(contest, "start");
        season.mark(event, JUDGE, totals);
    }

    @Test
    void theNamesStayTextThroughTheWholeContest() throws IOException {
        driver.manage().window().setSize(new Dimension(1600, 1000));
        trapPayloads();

        onTheTablet();
        driver.get(base() + "/live/" + event);
        browser.await(textToBePresentInElementLocated(By.id("event-name"), "车工"));
        browser.await(d -> bodyText().contains(IMG));
        assertShownAsText("big screen", IMG, SVG_UNIT, EVENT);

        season.lock(event, JUDGE);
        season.move(contest, "publish");
        long x01 = season.get("/api/v1/events/" + event + "/entries").getJsonArray("items").stream()
                .map(JsonObject.class::cast).filter(e -> "X01".equals(e.getString("bib"))).findFirst().orElseThrow().getLong("id");
        long appeal = ok(201, season.post("/api/v1/events/" + event + "/appeals",
                new JsonObject().put("entryId", x01).put("reason", REASON))).getLong("id");
        ok(200, season.post("/api/v1/appeals/" + appeal + "/resolve", new JsonObject().put("decision", "REJECTED").put("note", SVG_UNIT)));

        driver.get(base() + "/results/" + contest);
        browser.await(attributeToBe(By.id("version"), "data-version", "1"));
        assertShownAsText("public results", SVG_UNIT, EVENT, CONTEST);

        signInToTheConsole();
        driver.get(base() + "/console/#/events/" + event);
        browser.await(d -> d.findElements(By.cssSelector("[data-testid=entries-table] tbody tr")).size() == 3);
        assertShownAsText("console entries", IMG, SVG_UNIT, SCRIPT_UNIT, "<b>李娜</b>");
        driver.get(base() + "/console/#/events/" + event + "/live");
        browser.await(d -> bodyText().contains(CONTEST));
        assertShownAsText("console live view", CONTEST, EVENT);
        driver.get(base() + "/console/#/contests/" + contest + "/appeals");
        browser.await(visibilityOfElementLocated(By.cssSelector("tr[data-status=REJECTED]")));
        browser.await(d -> bodyText().contains(IMG));
        assertShownAsText("console appeals and their leaderboard", IMG, REASON, SVG_UNIT, CONTEST);

        server.clock().advance(Duration.ofDays(2));
        season.signInAgain();
        season.move(contest, "finalize");
        onTheAwardsPages();
        documentsOpen();
    }

    private void onTheTablet() {
        driver.get(base() + "/judge/");
        browser.await(visibilityOfElementLocated(By.id("username"))).sendKeys(JUDGE);
        driver.findElement(By.id("password")).sendKeys(SeasonOverHttp.JUDGE_PASSWORD);
        driver.findElement(By.id("signin-submit")).click();
        By button = By.cssSelector("button.event[data-event-id='" + event + "']");
        browser.await(presenceOfElementLocated(button));
        assertShownAsText("tablet events", EVENT);
        driver.findElement(button).click();
        browser.await(presenceOfElementLocated(By.cssSelector("button.bib[data-bib='X01']")));
        assertShownAsText("tablet entries", EVENT);
    }

    private void onTheAwardsPages() {
        signInToTheConsole();
        driver.get(base() + "/console/#/contests/" + contest + "/entitlements");
        browser.await(d -> !d.findElements(By.cssSelector("[data-testid=entitlements-table] tbody tr[data-entry-id]")).isEmpty());
        assertShownAsText("console entitlements", IMG);
        certificate = driver.findElement(By.cssSelector("[data-testid=entitlements-table] tbody tr[data-entry-id] [data-pdf]"))
                .getAttribute("data-pdf");

        driver.get(base() + "/console/#/winners");
        browser.await(visibilityOfElementLocated(By.id("winners-form")));
        driver.findElement(By.id("winners-preview")).click();
        browser.await(d -> !d.findElements(By.cssSelector("[data-testid=winners-table] tbody tr[data-contest-id]")).isEmpty());
        assertShownAsText("console winners", IMG);

        driver.get(base() + "/verify/" + certificate);
        browser.await(attributeToBe(By.id("verify-result"), "data-status", "VALID"));
        assertShownAsText("verify", EVENT);
    }

    /** The certificate PDF and the winner lists are made for such names too. */
    private void documentsOpen() throws IOException {
        Api.Bytes pdf = server.api().getBytes("/api/v1/certificates/" + certificate + "/pdf", season.admin());
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdfText(pdf.body())).as("the certificate prints the name as it is").contains(IMG);
        Api.Bytes xlsx = server.api().getBytes("/api/v1/winners?year=2026&format=xlsx", season.admin());
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsxCells(xlsx.body())).as("the sheet reads back the names as they are").contains(IMG, FORMULA);
        Api.Bytes csv = server.api().getBytes("/api/v1/winners?year=2026&format=csv", season.admin());
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).as("a formula is defused, markup left as it is")
                .contains(IMG, "\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\"", "\"\"\"><svg onload=window.__xss='svg'>\"");
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** Every cell's text of the first sheet. */
    private static List<String> xlsxCells(byte[] xlsx) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            return rows.flatMap(r -> r.stream().filter(Objects::nonNull).map(Cell::getText)).toList();
        }
    }

    /** Every payload, and alert() itself, would set window.__xss: replaced before any script of each page runs. */
    private void trapPayloads() {
        ((ChromeDriver) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", "window.alert = () => { window.__xss = 'alert'; };"));
    }

    private void signInToTheConsole() {
        driver.get(base() + "/console/#/signin");
        // A session from before the clock moved on has expired: start from the sign-in form.
        ((JavascriptExecutor) driver).executeScript("sessionStorage.clear();");
        driver.navigate().refresh();
        browser.await(visibilityOfElementLocated(By.id("signin-username"))).sendKeys("admin");
        driver.findElement(By.id("signin-password")).sendKeys(TestServer.ADMIN_PASSWORD);
        driver.findElement(By.id("signin-submit")).click();
        browser.await(presenceOfElementLocated(By.id("nav-contests")));
    }

    private void assertShownAsText(String page, String... texts) {
        browser.screenshot("HostileNames-" + page.replace(' ', '-'));
        assertThat(bodyText()).as(page).contains(texts);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertThat(js.executeScript("return window.__xss === undefined ? null : String(window.__xss)")).as(page + ": a payload ran").isNull();
        assertThat(js.executeScript("return [...document.querySelectorAll(arguments[0])].map(e => e.outerHTML)", INJECTED))
                .as(page + ": injected elements").asList().isEmpty();
    }

    private String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    private static String base() {
        return server.api().baseUrl();
    }
}
