package org.craftmark.server.day;

import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.Browser;
import org.craftmark.server.testing.Tablet;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;

/**
 * A whole contest day through the pages only — no API call from the test: the organizer creates the
 * judges, registers the entries, seats the panel (one conflict of interest shown before seating) and
 * starts the contest; judges mark on their tablets; the chief judge resolves a disagreement by
 * correcting a mark, draws the recheck and records it, and locks; the organizer publishes; the big
 * screen follows throughout. Organizer at 1920×1080, chief at 1280×800, the big screen on a phone
 * and at 1920, tablets in portrait. Screenshots of every step: target/screenshots/day-*.png.
 */
@DisplayName("A contest day through the pages")
class ContestDayTest {
    private static final Dimension DESKTOP = new Dimension(1920, 1080);
    private static final Dimension LAPTOP = new Dimension(1280, 800);
    private static final Dimension PHONE = new Dimension(390, 844);
    private static final String JUDGE_PASSWORD = "judge-pass-1";
    /** Judges: username, name, work unit. j4 works at A02's employer: a conflict of interest. */
    private static final List<List<String>> JUDGES = List.of(
            List.of("day-chief", "李裁判长", "市质检院"),
            List.of("day-j1", "王一", "北京职业技术学院"),
            List.of("day-j2", "赵二", "首钢技师学院"),
            List.of("day-j3", "钱三", "北汽集团"),
            List.of("day-j4", "孙四", "红星机械厂"));
    /** Entries: bib, name, ID number, employer. */
    private static final List<List<String>> ENTRIES = List.of(
            List.of("A01", "张伟", "11010519491231002X", "北方重工"),
            List.of("A02", "李娜", "110105199003070017", "红星机械厂"),
            List.of("A03", "王强", "110105198806150016", "京华机床厂"));

    private static TestServer server;
    private static ContestDay day;

    @BeforeAll
    static void start() {
        server = TestServer.start(Backend.H2);
        day = ContestDay.prepare(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @DisplayName("organizer, judges, chief judge and big screen run the day from their pages")
    void aWholeContestDay() {
        String base = server.api().baseUrl();
        try (Browser organizerBrowser = Browser.start(); Browser screenBrowser = Browser.start()) {
            Pages organizer = new Pages(organizerBrowser, base, "organizer", DESKTOP);
            Pages screen = new Pages(screenBrowser, base, "screen", PHONE);
            organizer.signInToConsole(ContestDay.ORGANIZER, ContestDay.PASSWORD);
            createJudges(organizer);
            registerEntries(organizer);
            seatPanel(organizer);
            startContest(organizer);

            screen.go("/live/" + day.eventId);
            screen.awaitText(By.cssSelector("#rows li[data-bib='A01']"), "待评");
            assertThat(screen.driver.findElements(By.cssSelector("#rows li[data-marked='false']"))).hasSize(3);
            assertThat(screen.driver.findElements(By.cssSelector("#rows .medal"))).as("no medal before any mark").isEmpty();
            screen.shot("before-marks");

            markOnTablets();
            screen.awaitText(By.cssSelector("#rows li[data-bib='A02']"), "暂定");
            assertThat(screen.driver.findElements(By.cssSelector("#rows li[data-marked='false']"))).isEmpty();
            assertThat(screen.driver.findElements(By.cssSelector("#rows .medal.provisional"))).as("medals before publication are provisional").isNotEmpty();
            screen.shot("marked-provisional");

            try (Browser chiefBrowser = Browser.start()) {
                Pages chief = new Pages(chiefBrowser, base, "chief", LAPTOP);
                chiefReachesTheDeskFromTheTablet(chief);
                runTheDesk(chief);
            }
            publish(organizer);
            screen.browser.await(attributeToBe(By.id("final-badge"), "data-final", "true"));
            assertThat(screen.driver.findElements(By.cssSelector("#rows .medal.provisional"))).isEmpty();
            screen.shot("published");
            screen.resize(DESKTOP);
            screen.shot("published-1920");
        }
    }

    private void createJudges(Pages organizer) {
        organizer.click(By.id("nav-judges"));
        organizer.await(By.id("judge-form"));
        organizer.shot("judges-empty");
        for (List<String> judge : JUDGES) {
            organizer.type(By.id("judge-display-name"), judge.get(1));
            organizer.type(By.id("judge-affiliation"), judge.get(2));
            organizer.type(By.id("judge-username"), judge.get(0));
            organizer.type(By.id("judge-password"), JUDGE_PASSWORD);
            organizer.click(By.id("judge-submit"));
            organizer.awaitText(By.id("judge-form-notices-status"), judge.get(0));
        }
        organizer.type(By.id("judge-search"), "红星");
        organizer.browser.await(d -> d.findElements(By.cssSelector("[data-testid=judges-table] tbody tr")).size() == 1);
        assertThat(organizer.text(By.cssSelector("[data-testid=judges-table] tbody"))).as("found by unit").contains("孙四");
        organizer.shot("judges-found-by-unit");
    }

    private void registerEntries(Pages organizer) {
        organizer.go("/console/#/events/" + day.eventId);
        organizer.await(By.id("entry-new-form"));
        // A wrong check digit first: the server's problem, in Chinese, next to the field.
        organizer.type(By.id("entry-new-bib"), "A01");
        organizer.type(By.id("entry-new-c-name"), "张伟");
        organizer.type(By.id("entry-new-c-id"), "110105194912310021");
        organizer.click(By.id("entry-new-submit"));
        organizer.awaitText(By.cssSelector("[data-field='competitor.idNumber'] .field-error"), "校验位不正确");
        organizer.shot("entry-problem-in-chinese");
        for (List<String> entry : ENTRIES) {
            organizer.type(By.id("entry-new-bib"), entry.get(0));
            organizer.type(By.id("entry-new-c-name"), entry.get(1));
            organizer.type(By.id("entry-new-c-id"), entry.get(2));
            organizer.type(By.id("entry-new-c-employer"), entry.get(3));
            organizer.click(By.id("entry-new-submit"));
            organizer.awaitText(By.id("entry-new-notices-status"), entry.get(0));
            organizer.awaitText(By.cssSelector("[data-testid=entries-table]"), entry.get(0));
        }
        String shown = organizer.text(By.cssSelector("[data-testid=entries-table] tr[data-bib='A01'] .id-number"));
        assertThat(shown).as("ID numbers are masked in the table").isEqualTo("110105********002X");
        organizer.js("document.getElementById('entries-title').scrollIntoView()");
        organizer.shot("entries-registered");
    }

    private void seatPanel(Pages organizer) {
        organizer.click(By.id("event-panel-link"));
        organizer.await(By.id("seat-search"));
        for (List<String> judge : JUDGES) {
            String username = judge.get(0);
            organizer.type(By.id("seat-search"), judge.get(1));
            organizer.click(By.cssSelector("button.pick[data-username='" + username + "']"));
            organizer.awaitText(By.id("seat-chosen-name"), judge.get(1));
            WebElement conflicts = organizer.await(By.id("seat-conflicts"));
            if (username.equals("day-j4")) {
                assertThat(conflicts.getAttribute("data-count")).as("shown before seating").isEqualTo("1");
                assertThat(conflicts.getText()).contains("A02").contains("李娜");
                organizer.shot("conflict-shown-before-seating");
            } else {
                assertThat(conflicts.getAttribute("data-count")).isEqualTo("0");
            }
            if (username.equals("day-chief")) {
                organizer.select(By.id("seat-role"), "CHIEF");
                uncheck(organizer, "A1");
                uncheck(organizer, "W1");
            } else if (username.equals("day-j4")) {
                uncheck(organizer, "W1");
            }
            organizer.click(By.id("seat-submit"));
            organizer.awaitText(By.id("seat-notices-status"), judge.get(1));
            organizer.awaitText(By.cssSelector("[data-testid=panel-table]"), judge.get(1));
        }
        assertThat(organizer.text(By.cssSelector("[data-testid=panel-table] tr[data-username='day-j4']"))).contains("A02");
        organizer.shot("panel-seated");
        organizer.resize(LAPTOP);
        organizer.shot("panel-seated-1280");
        organizer.resize(DESKTOP);
    }

    private static void uncheck(Pages pages, String criterion) {
        WebElement box = pages.await(By.cssSelector("input[data-criterion='" + criterion + "']"));
        if (box.isSelected()) {
            box.click();
        }
    }

    private void startContest(Pages organizer) {
        organizer.go("/console/#/contests/" + day.contestId);
        nextLifecycleStep(organizer, "OPEN");
        nextLifecycleStep(organizer, "RUNNING");
        organizer.shot("contest-running");
        organizer.go("/console/#/contests");
        organizer.await(By.cssSelector("[data-testid=contests-table] tr[data-contest-id='" + day.contestId + "']"));
        assertThat(organizer.driver.findElements(By.cssSelector("[data-testid=contests-table] tr[data-contest-id='" + day.contestId + "'] button")))
                .as("a running contest offers no lifecycle button on the list").isEmpty();
        organizer.shot("contests-1920");
    }

    /** The contest page's one next move, confirmed in its dialog. */
    private static void nextLifecycleStep(Pages organizer, String status) {
        organizer.browser.await(d -> d.findElement(By.id("lifecycle-next")).isDisplayed() && d.findElement(By.id("lifecycle-next")).isEnabled());
        organizer.click(By.id("lifecycle-next"));
        organizer.click(By.id("lifecycle-confirm-ok"));
        organizer.browser.await(attributeToBe(By.id("contest-status"), "data-status", status));
    }

    /** j1 marks A1 and W1 of everyone; j2, j3 mark W1. A01's W1 is 0, 3, 2: a disagreement. */
    private void markOnTablets() {
        mark("day-j1", "A01", "A1", "25", "W1", "0");
        mark("day-j1", "A02", "A1", "20", "W1", "2");
        mark("day-j1", "A03", "A1", "18", "W1", "2");
        mark("day-j2", "A01", "W1", "3");
        mark("day-j2", "A02", "W1", "2");
        mark("day-j2", "A03", "W1", "1");
        mark("day-j3", "A01", "W1", "2");
        mark("day-j3", "A02", "W1", "2");
        mark("day-j3", "A03", "W1", "2");
        try (Browser browser = Browser.start()) {
            Tablet tablet = new Tablet(browser, server.api().baseUrl()).open();
            tablet.signIn("day-j4", JUDGE_PASSWORD);
            tablet.awaitOnline();
            Pages pages = new Pages(browser, server.api().baseUrl(), "tablet-j4", Tablet.PORTRAIT);
            browser.await(d -> tablet.text(By.id("main")).contains("2026 通州区职业技能大赛"));
            assertThat(tablet.text(By.id("main"))).as("the task list names the contest and group").contains("车工").contains("职工组");
            pages.shot("task-list");
            tablet.openEvent(day.eventId);
            assertThat(browser.driver().findElements(By.cssSelector("button.bib")).stream().map(b -> b.getAttribute("data-bib")))
                    .as("A02 is from j4's own unit").containsExactly("A01", "A03");
            pages.shot("conflict-left-out");
        }
    }

    private void mark(String username, String bib, String... codeValuePairs) {
        try (Browser browser = Browser.start()) {
            Tablet tablet = new Tablet(browser, server.api().baseUrl()).open();
            tablet.signIn(username, JUDGE_PASSWORD);
            tablet.awaitOnline();
            browser.await(d -> tablet.text(By.id("main")).contains("2026 通州区职业技能大赛"));
            tablet.markEntry(day.eventId, bib, codeValuePairs);
            if (bib.equals("A01")) {
                new Pages(browser, server.api().baseUrl(), "tablet-" + username, Tablet.PORTRAIT).shot("marked-" + bib);
            }
        }
    }

    /** The chief signs in on a tablet; the task list offers the chief's desk, opened already signed in. */
    private void chiefReachesTheDeskFromTheTablet(Pages chief) {
        Tablet tablet = new Tablet(chief.browser, server.api().baseUrl()).open();
        tablet.signIn("day-chief", JUDGE_PASSWORD);
        tablet.awaitOnline();
        chief.await(By.cssSelector("a.desk-link[data-event-id='" + day.eventId + "']"));
        chief.shot("tablet-task-list-with-desk");
        chief.resize(LAPTOP);
        chief.click(By.cssSelector("a.desk-link[data-event-id='" + day.eventId + "']"));
        chief.await(By.id("desk-percent"));
        assertThat(chief.text(By.id("who"))).contains("李裁判长");
    }

    private void runTheDesk(Pages chief) {
        chief.go("/console/#/events/" + day.eventId + "/desk");
        chief.await(By.id("desk-percent"));
        chief.awaitText(By.id("desk-disagreements"), "A01");
        assertThat(chief.text(By.cssSelector("#desk-disagreements li[data-bib='A01']"))).contains("王一").contains("赵二").contains("钱三");
        assertThat(chief.text(By.cssSelector("[data-testid=desk-judges] tr[data-username='day-chief']"))).contains("无评分任务");
        chief.shot("desk-disagreement");

        chief.click(By.id("desk-lock-button"));
        chief.awaitText(By.id("lock-notices-error"), "还不能锁定");
        chief.await(By.cssSelector("#hold-ups a[data-bib='A01'][data-criterion='W1']"));
        chief.shot("lock-refused-hold-ups");
        chief.click(By.cssSelector("#hold-ups a[data-bib='A01'][data-criterion='W1']"));
        chief.browser.await(d -> "W1".equals(d.findElement(By.id("correct-criterion")).getAttribute("value")));
        chief.selectText(By.id("correct-judge"), "王一");
        chief.awaitText(By.id("correct-current"), "0");
        chief.await(By.cssSelector("[data-testid=correct-history-table] tbody tr"));
        chief.type(By.id("correct-value"), "2");
        chief.type(By.id("correct-reason"), "复看作品后更正");
        chief.shot("correction-with-history");
        chief.click(By.id("correct-submit"));
        chief.awaitText(By.id("correct-notices-status"), "已更正");
        chief.await(By.id("no-disagreements"));
        chief.awaitText(By.id("desk-percent"), "100%");
        chief.shot("disagreement-resolved");

        chief.click(By.id("recheck-draw"));
        chief.await(By.cssSelector("[data-testid=recheck-items] tr[data-bib='A03']"));
        for (String bib : List.of("A01", "A02", "A03")) {
            By row = By.cssSelector("[data-testid=recheck-items] tr[data-bib='" + bib + "']");
            chief.browser.await(d -> {
                new org.openqa.selenium.support.ui.Select(d.findElement(row).findElement(By.tagName("select"))).selectByValue("CONFIRMED");
                d.findElement(row).findElement(By.cssSelector("button[data-action=record]")).click();
                return true;
            });
            chief.browser.await(attributeToBe(row, "data-outcome", "CONFIRMED"));
        }
        chief.shot("recheck-recorded");
        chief.click(By.id("desk-lock-button"));
        chief.awaitText(By.id("lock-notices-status"), "项目已锁定");
        chief.browser.await(attributeToBe(By.id("desk-lock-state"), "data-i18n", "events.lockedYes"));
        chief.shot("locked");
        chief.resize(Tablet.PORTRAIT);
        chief.shot("locked-tablet-portrait");
    }

    private void publish(Pages organizer) {
        organizer.go("/console/#/events/" + day.eventId + "/desk");
        organizer.await(By.id("desk-publish-button"));
        organizer.browser.await(d -> d.findElement(By.id("desk-publish-button")).isEnabled());
        organizer.shot("ready-to-publish");
        organizer.click(By.id("desk-publish-button"));
        organizer.awaitText(By.id("desk-notices-status"), "已发布");
        organizer.shot("published");
        organizer.click(By.id("lang-en"));
        organizer.awaitText(By.id("desk-title"), "Chief judge");
        organizer.shot("published-english");
        organizer.click(By.id("lang-zh"));
    }
}
