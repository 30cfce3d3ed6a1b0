package org.craftmark.server.security;

import org.craftmark.server.testing.InBrowser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages work under the server's Content-Security-Policy (a refused script or style fails every
 * {@link InBrowser} test), and the policy does refuse what an injection would bring.
 */
@DisplayName("Pages under the Content-Security-Policy")
class PagesUnderCspTest extends InBrowser {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/console/        | document.querySelector('#main input') !== null",
            "/results/1       | document.querySelector('#main .loading') === null",
            "/verify/BAD-NO   | document.querySelector('#main .loading') === null",
            "/live/kiosk      | document.readyState === 'complete'"})
    @DisplayName("the page's own scripts run and render with no CSP violation")
    void thePageRendersUnderThePolicy(String path, String rendered) {
        driver.get(server.api().baseUrl() + path.strip());
        browser.await(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return " + rendered));
    }

    @Test
    @DisplayName("an injected inline script, event handler attribute and style attribute are refused")
    void injectionsAreRefused() {
        driver.get(server.api().baseUrl() + "/verify/BAD-NO");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        browser.await(d -> (Boolean) js.executeScript("return document.querySelector('#main .loading') === null"));
        js.executeScript("""
                const s = document.createElement('script'); s.textContent = 'window.pwned = 1'; document.body.append(s);
                document.body.insertAdjacentHTML('beforeend', '<img id="x" src="/nothing" onerror="window.pwned = 2">');
                document.body.insertAdjacentHTML('beforeend', '<p id="styled" style="color: rgb(255, 0, 0)">x</p>');""");
        browser.await(d -> browser.consoleMessages().stream().anyMatch(m -> m.contains("Content Security Policy")));
        assertThat(js.executeScript("return window.pwned === undefined")).isEqualTo(true);
        assertThat(js.executeScript("return getComputedStyle(document.getElementById('styled')).color")).isNotEqualTo("rgb(255, 0, 0)");
        // The violations above were wanted: read them here so the check after the test sees only the page's own.
        browser.consoleMessages();
    }
}
