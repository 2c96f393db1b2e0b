package io.schedulr.testsupport;

import org.jboss.logmanager.ExtLogRecord;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The lines a running service logs, as its log shows them (level name, logger, message with its arguments, stack trace),
 * while open: {@code try (LogCapture log = LogCapture.of("")) { … }}.
 */
public final class LogCapture implements AutoCloseable {
    /** One line: {@code level} as the log names it ({@code WARN}, {@code ERROR}, …), {@code mdc} what it is about. */
    public record Line(String logger, String level, String message, String thrown, Map<String, String> mdc) {
        @Override
        public String toString() {
            return level + " " + logger + " " + message + (thrown.isEmpty() ? "" : "\n" + thrown);
        }
    }

    private final Logger logger;
    private final List<Line> lines = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            StringWriter trace = new StringWriter();
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(trace));
            }
            synchronized (lines) {
                lines.add(new Line(record.getLoggerName(), record.getLevel().getName(), String.valueOf(message), trace.toString(),
                        record instanceof ExtLogRecord ext ? Map.copyOf(ext.getMdcCopy()) : Map.of()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(Logger logger) {
        this.logger = logger;
        logger.addHandler(handler);
    }

    /** Captures what {@code loggerName} and the loggers below it log ({@code ""}: everything). */
    public static LogCapture of(String loggerName) {
        return new LogCapture(Logger.getLogger(loggerName));
    }

    /** The lines so far. */
    public List<Line> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The lines so far whose message matches. */
    public List<Line> lines(Predicate<String> message) {
        return lines().stream().filter(line -> message.test(line.message())).toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
