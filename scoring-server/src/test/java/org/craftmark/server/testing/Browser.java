package org.craftmark.server.testing;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * Headless Chromium for the browser tests: the machine's own {@code chromium} and
 * {@code chromedriver} (Debian's {@code chromium} and {@code chromium-driver}; CI installs them),
 * each named explicitly so Selenium Manager never downloads anything. Every browser gets a fresh
 * profile directory, removed on {@link #close()}.
 * <p>
 * {@code CRAFTMARK_CHROMEDRIVER} and {@code CRAFTMARK_CHROMIUM} override where they are looked for;
 * otherwise the {@code PATH} is searched, then {@code /usr/bin}.
 */
public final class Browser implements AutoCloseable {
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(15);
    /** Screenshots for humans to look at, relative to the module (Maven runs tests there). */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final List<String> DRIVER_NAMES = List.of("chromedriver");
    private static final List<String> BROWSER_NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final List<String> ARGUMENTS = List.of(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--window-size=1366,900");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a headless Chromium; fails with what to install when there is none. */
    public static Browser start() {
        Path chromedriver = locate("CRAFTMARK_CHROMEDRIVER", DRIVER_NAMES);
        Path chromium = locate("CRAFTMARK_CHROMIUM", BROWSER_NAMES);
        Path profile = createProfile();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(ARGUMENTS);
        options.addArguments("--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        try {
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            service.stop();
            deleteTree(profile);
            throw new IllegalStateException("Chromium did not start (" + chromium + " driven by " + chromedriver + "): " + e.getMessage(), e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Waits up to {@link #DEFAULT_WAIT} for the condition and answers its value. Elements that a page
     * re-renders while the condition looks at them (stale references) just mean "not yet".
     */
    public <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, DEFAULT_WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** Saves the visible page as {@code target/screenshots/<name>.png} and answers the file. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name.replaceAll("[^\\w.-]+", "_") + ".png");
            Files.move(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save screenshot " + name, e);
        }
    }

    /** What pages wrote to the browser console since the last call (messages, errors, warnings). */
    public List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    private static Path locate(String variable, List<String> names) {
        String configured = System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (Files.isExecutable(path)) {
                return path;
            }
            throw new IllegalStateException(variable + "=" + configured + " is not an executable file");
        }
        return onPath(names)
                .or(() -> names.stream().map(name -> Path.of("/usr/bin", name)).filter(Files::isExecutable).findFirst())
                .orElseThrow(() -> new IllegalStateException("No " + names.getFirst() + " found on the PATH or in /usr/bin. "
                        + "Install Chromium and its driver (Debian: apt-get install chromium chromium-driver) "
                        + "or set " + variable + "."));
    }

    private static Optional<Path> onPath(List<String> names) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return names.stream()
                .flatMap(name -> Stream.of(path.split(File.pathSeparator))
                        .filter(dir -> !dir.isBlank())
                        .map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static Path createProfile() {
        try {
            return Files.createTempDirectory("craftmark-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a Chromium profile directory", e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
