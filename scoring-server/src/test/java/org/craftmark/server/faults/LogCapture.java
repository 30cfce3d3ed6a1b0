package org.craftmark.server.faults;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Everything logged (WARN and up, as the test configuration lets through) while a test runs. */
final class LogCapture implements AutoCloseable {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root;

    private LogCapture() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        appender.setContext(logging);
        appender.start();
        root.addAppender(appender);
    }

    static LogCapture start() {
        return new LogCapture();
    }

    /**
     * Vert.x's blocked-thread checker: an event loop held over 2 s, or a worker over 60 s (a wait
     * on the database that no timeout bounded).
     */
    List<String> blockedThreadWarnings() {
        return containing("has been blocked for");
    }

    /** What the server logs when it answers 500 {@code INTERNAL} (ErrorResponses), to a request or a frame. */
    List<String> internalErrors() {
        return containing("unexpected failure on");
    }

    private List<String> containing(String text) {
        synchronized (appender.list) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(m -> m != null && m.contains(text)).toList();
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
