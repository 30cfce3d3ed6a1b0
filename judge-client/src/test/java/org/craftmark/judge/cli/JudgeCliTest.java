package org.craftmark.judge.cli;

import io.vertx.core.json.JsonObject;
import org.craftmark.judge.outbox.Outbox;
import org.craftmark.judge.sdk.MarkDraft;
import org.craftmark.judge.sdk.MarkJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JudgeCliTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @ParameterizedTest(name = "judge-client {0} --help")
    @ValueSource(strings = {"", "mark", "replay", "status"})
    @DisplayName("--help works on every command")
    void helpEverywhere(String command) {
        int exit = command.isEmpty() ? run("--help") : run(command, "--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("Usage: judge-client");
    }

    @Test
    @DisplayName("replay refuses a CSV file with bad rows before connecting: every problem with its line, exit 3")
    void replayBadFile() throws IOException {
        Path csv = dir.resolve("marks.csv");
        Files.writeString(csv, "eventId,entryId,criterion,value\n3,17,B1,17.5\n3,x,B1,17\n");
        Path outbox = dir.resolve("outbox");

        int exit = run("replay", csv.toString(), "--user", "judge1", "--password", "secret",
                "--outbox", outbox.toString(), "--server", "http://127.0.0.1:1");

        assertThat(exit).isEqualTo(JudgeCli.BAD_INPUT);
        assertThat(err.toString()).contains("line 3: entryId must be a positive whole number, not 'x'")
                .contains("Nothing was sent");
        assertThat(outbox).doesNotExist();
    }

    @Test
    @DisplayName("the password may come from CRAFTMARK_JUDGE_PASSWORD instead of the command line")
    void passwordFromTheEnvironment() {
        environment = Map.of("CRAFTMARK_JUDGE_PASSWORD", "secret");

        int exit = run("mark", "--server", "http://127.0.0.1:1", "--user", "judge1", "--event", "3", "--entry", "17",
                "--criterion", "B1", "--value", "17.5", "--outbox", dir.toString(), "--timeout", "300ms");

        assertThat(exit).as(err.toString()).isEqualTo(JudgeCli.FAILED);
        assertThat(err.toString()).doesNotContain("Missing the password");
    }

    @Test
    @DisplayName("mark with no password anywhere is a usage error, exit 3")
    void markWithoutPassword() {
        int exit = run("mark", "--user", "judge1", "--event", "3", "--entry", "17",
                "--criterion", "B1", "--value", "17.5", "--outbox", dir.toString());

        assertThat(exit).isEqualTo(JudgeCli.BAD_INPUT);
        assertThat(err.toString()).contains("Missing the password");
    }

    @Test
    @DisplayName("mark with no server answering: exit 1 after the timeout, and the mark waits in the outbox")
    void markKeptWhenNoServer() throws IOException {
        int exit = run("mark", "--server", "http://127.0.0.1:" + unusedPort(), "--user", "judge1",
                "--password", "secret", "--event", "3", "--entry", "17", "--criterion", "B1", "--value", "17.50",
                "--outbox", dir.toString(), "--timeout", "300ms");

        assertThat(exit).isEqualTo(JudgeCli.FAILED);
        assertThat(out.toString()).contains("1 not acknowledged").contains(dir.toString());
        assertThat(err.toString()).contains("Not every mark was answered within 300 ms");
        assertThat(Outbox.read(dir).pending()).singleElement()
                .extracting(mark -> MarkJson.draft(mark.mark()))
                .isEqualTo(MarkDraft.of(3, 17, "B1", "17.5"));
    }

    @Test
    @DisplayName("status lists pending marks oldest first and rejected ones with their reasons")
    void status() throws IOException {
        UUID pending = UUID.fromString("00000000-0000-4000-8000-000000000001");
        UUID refused = UUID.fromString("00000000-0000-4000-8000-000000000002");
        try (Outbox outbox = Outbox.open(dir, "judge1", Clock.fixed(Instant.parse("2026-11-21T09:30:00Z"), ZoneOffset.UTC))) {
            outbox.add(pending, MarkJson.mark(pending, MarkDraft.of(3, 17, "B1", "17.5")));
            outbox.add(refused, MarkJson.mark(refused, MarkDraft.of(3, 18, "B1", "21")));
            outbox.reject(refused, new JsonObject().put("code", "VALIDATION_FAILED").put("message", "at most 20"));
        }

        int exit = run("status", "--outbox", dir.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).isEqualToNormalizingNewlines("""
                Outbox %1$s: 1 pending, 1 rejected
                Pending, oldest first:
                  #1  2026-11-21T09:30:00Z  event 3, entry 17, B1 = 17.5  [%2$s]
                Rejected:
                  2026-11-21T09:30:00Z  event 3, entry 18, B1 = 21  [%3$s]  VALIDATION_FAILED: at most 20
                """.formatted(dir, pending, refused));
    }

    @Test
    @DisplayName("status of a folder that does not exist: nothing pending")
    void statusOfNothing() {
        assertThat(run("status", "--outbox", dir.resolve("none").toString())).isZero();
        assertThat(out.toString()).contains("nothing pending");
    }

    @Test
    @DisplayName("durations read like people write them")
    void durations() {
        DurationConverter convert = new DurationConverter();

        assertThat(convert.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(convert.convert("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(convert.convert("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(convert.convert("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(convert.convert("PT1H")).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> convert.convert("soon")).isInstanceOf(CommandLine.TypeConversionException.class);
    }

    /** The environment the CLI sees: empty unless a test sets it, whatever the machine's is. */
    private Map<String, String> environment = Map.of();

    private int run(String... args) {
        return JudgeCli.commandLine(environment).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
