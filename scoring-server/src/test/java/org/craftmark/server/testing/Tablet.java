package org.craftmark.server.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;

import java.util.List;

import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/** A judge's tablet (/judge) in a browser, driven as the judge does: sign in, open, pick, mark. */
public final class Tablet {
    public static final Dimension PORTRAIT = new Dimension(800, 1280);

    private final Browser browser;
    private final WebDriver driver;
    private final String baseUrl;

    public Tablet(Browser browser, String baseUrl) {
        this.browser = browser;
        this.driver = browser.driver();
        this.baseUrl = baseUrl;
    }

    public Browser browser() {
        return browser;
    }

    public Tablet open() {
        driver.get(baseUrl + "/judge/");
        viewport(PORTRAIT);
        return this;
    }

    public void signIn(String username, String password) {
        if (!driver.getCurrentUrl().contains("/judge/")) {
            open();
        }
        browser.await(visibilityOfElementLocated(By.id("username")));
        WebElement user = driver.findElement(By.id("username"));
        user.clear();
        user.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        click(By.id("signin-submit"));
        browser.await(visibilityOfElementLocated(By.id("sign-out")));
    }

    public void awaitOnline() {
        browser.await(attributeToBe(By.id("status"), "data-state", "online"));
    }

    /** Sizes the window so that the page itself gets exactly this many CSS pixels, as on the tablet. */
    public void viewport(Dimension size) {
        viewport(driver, size);
    }

    /** Sizes the window so that the page itself gets exactly this many CSS pixels (any page). */
    public static void viewport(WebDriver driver, Dimension size) {
        driver.manage().window().setSize(size);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        long width = ((Number) js.executeScript("return window.innerWidth")).longValue();
        long height = ((Number) js.executeScript("return window.innerHeight")).longValue();
        driver.manage().window().setSize(new Dimension(2 * size.width - (int) width, 2 * size.height - (int) height));
    }

    public void click(By by) {
        browser.await(d -> {
            d.findElement(by).click();
            return true;
        });
    }

    public void openEvent(long eventId) {
        click(By.cssSelector("button.event[data-event-id='" + eventId + "']"));
        browser.await(presenceOfElementLocated(By.id("bibs")));
    }

    public void openEntry(String bib) {
        click(By.cssSelector("button.bib[data-bib='" + bib + "']"));
        browser.await(textToBePresentInElementLocated(By.id("entry-title"), bib));
    }

    public void chooseCriterion(String code) {
        click(By.cssSelector("button.criterion[data-code='" + code + "']"));
        browser.await(attributeToBe(By.cssSelector("button.criterion[data-code='" + code + "']"), "aria-pressed", "true"));
    }

    /** Types a mark and submits it (a WSS criterion has buttons 0–3 instead of a field). */
    public void mark(String code, String value) {
        chooseCriterion(code);
        if (!driver.findElements(By.cssSelector("button.wss-button")).isEmpty()) {
            click(By.cssSelector("button.wss-button[data-value='" + value + "']"));
            return;
        }
        WebElement field = browser.await(elementToBeClickable(By.id("mark-value")));
        field.clear();
        field.sendKeys(value);
        click(By.id("mark-submit"));
    }

    /** Marks every criterion given of one entry, opening the event and the entry first. */
    public void markEntry(long eventId, String bib, String... codeValuePairs) {
        driver.get(baseUrl + "/judge/#/e/" + eventId);
        browser.await(presenceOfElementLocated(By.id("bibs")));
        openEntry(bib);
        for (int i = 0; i < codeValuePairs.length; i += 2) {
            mark(codeValuePairs[i], codeValuePairs[i + 1]);
            awaitState(bib, codeValuePairs[i], "accepted");
        }
    }

    public List<WebElement> rowsFor(String bib, String code) {
        return driver.findElements(By.cssSelector("#history-table tr.mark[data-bib='" + bib + "'][data-criterion='" + code + "']"));
    }

    public void awaitState(String bib, String code, String state) {
        browser.await((ExpectedCondition<Boolean>) d -> {
            List<WebElement> found = rowsFor(bib, code);
            return !found.isEmpty() && state.equals(found.getFirst().getAttribute("data-state"));
        });
    }

    public String text(By by) {
        return driver.findElement(by).getText().trim();
    }
}
