package org.craftmark.server.day;

import org.craftmark.server.testing.Browser;
import org.craftmark.server.testing.Tablet;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * One person's browser on contest day, driving the pages as they would: typing into fields by their
 * labels' ids, clicking buttons, waiting for what the page says. Every screenshot also checks the
 * page: in the Chinese UI no visible text may be an English server message, and at 1280 px and
 * wider nothing scrolls sideways.
 */
final class Pages {
    /** Three or more English words in a row: a sentence, as the server's messages are. */
    private static final Pattern ENGLISH_SENTENCE = Pattern.compile("[A-Za-z]{2,}(?: +[A-Za-z]{2,}){2,}");

    final Browser browser;
    final WebDriver driver;
    private final String baseUrl;
    private final String who;
    private final List<Path> shots = new ArrayList<>();
    private int step;

    Pages(Browser browser, String baseUrl, String who, Dimension size) {
        this.browser = browser;
        this.driver = browser.driver();
        this.baseUrl = baseUrl;
        this.who = who;
        resize(size);
    }

    void resize(Dimension size) {
        Tablet.viewport(driver, size);
    }

    void go(String path) {
        driver.get(baseUrl + path);
    }

    void signInToConsole(String username, String password) {
        go("/console/#/signin");
        browser.await(visibilityOfElementLocated(By.id("signin-form")));
        type(By.id("signin-username"), username);
        type(By.id("signin-password"), password);
        click(By.id("signin-submit"));
        browser.await(visibilityOfElementLocated(By.id("sign-out")));
    }

    void type(By by, String text) {
        WebElement field = browser.await(presenceOfElementLocated(by));
        field.clear();
        field.sendKeys(text);
    }

    void click(By by) {
        browser.await(d -> {
            d.findElement(by).click();
            return true;
        });
    }

    void select(By by, String value) {
        browser.await(d -> {
            new Select(d.findElement(by)).selectByValue(value);
            return true;
        });
    }

    void selectText(By by, String text) {
        browser.await(d -> {
            new Select(d.findElement(by)).selectByVisibleText(text);
            return true;
        });
    }

    WebElement await(By by) {
        return browser.await(presenceOfElementLocated(by));
    }

    void awaitText(By by, String text) {
        try {
            browser.await(d -> {
                List<WebElement> found = d.findElements(by);
                return !found.isEmpty() && found.getFirst().getText().contains(text);
            });
        } catch (RuntimeException e) {
            browser.screenshot(String.format("day-%s-failed-waiting-for-%s", who, text));
            browser.consoleMessages().forEach(m -> System.out.println("[" + who + " console] " + m));
            throw e;
        }
    }

    String text(By by) {
        return driver.findElement(by).getText().trim();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves target/screenshots/day-<who>-NN-<name>.png, after checking the page as a reader would. */
    Path shot(String name) {
        checkPage(name);
        step++;
        Path path = browser.screenshot(String.format("day-%s-%02d-%s", who, step, name));
        shots.add(path);
        return path;
    }

    void checkPage(String name) {
        String lang = (String) js("return document.documentElement.lang");
        if ("zh-CN".equals(lang)) {
            String visible = (String) js("return document.body.innerText");
            Matcher english = ENGLISH_SENTENCE.matcher(visible);
            assertThat(english.find() ? english.group() : null)
                    .as("%s (%s): English text in the Chinese page", name, who).isNull();
        }
        long width = ((Number) js("return window.innerWidth")).longValue();
        if (width >= 1280) {
            long scroll = ((Number) js("return document.documentElement.scrollWidth")).longValue();
            assertThat(scroll).as("%s (%s): no sideways scroll at %d px", name, who, width).isLessThanOrEqualTo(width);
        }
    }

    /** The JavaScript confirm() dialog: accepted. */
    void accept() {
        browser.await(d -> {
            d.switchTo().alert().accept();
            return true;
        });
    }
}
