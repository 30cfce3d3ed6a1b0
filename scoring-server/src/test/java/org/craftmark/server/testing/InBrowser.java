package org.craftmark.server.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.WebDriver;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser test: one real server (embedded H2) for the class, a fresh headless Chromium for each
 * test, and the page's console printed after it. A test that stopped the server gets it back.
 */
public abstract class InBrowser {
    protected static TestServer server;

    protected Browser browser;
    protected WebDriver driver;
    protected String testName;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(Backend.H2);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @BeforeEach
    void startBrowser(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
        try {
            server.app();
        } catch (IllegalStateException stoppedByAFailedTest) {
            server.restart();
        }
        browser = Browser.start();
        driver = browser.driver();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            List<String> console = browser.consoleMessages();
            console.forEach(m -> System.out.println("[" + testName + " console] " + m));
            browser.close();
            // Every page runs under the server's CSP: a refused script, style or connection is a bug.
            assertThat(console).as("Content-Security-Policy violations").noneMatch(m -> m.contains("Content Security Policy"));
            checkConsole(console);
        }
    }

    /** What the page logged; a test class may insist it is free of script errors. */
    protected void checkConsole(List<String> console) {
    }
}
