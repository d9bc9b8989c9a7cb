package dev.airalert.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * In the running service, what Quarkus REST's writer of the stream logs when a write fails:
 * a reader that went away is a DEBUG line of the stream, any other failure stays an ERROR.
 * The writer's own logger is used, as it is when a browser's reset arrives between two writes
 * (a race that a test cannot bring about on demand).
 */
@QuarkusTest
class StreamDisconnectLogTest {

    private final LogCapture capture = new LogCapture();
    private final List<LogRecord> records = capture.records();
    private final Logger writer = Logger.getLogger(ClientDisconnects.WRITER);
    private final Logger stream = Logger.getLogger(ClientDisconnects.class.getName());
    private Level streamLevel;

    /** Records go to this test only, so that the ERROR it provokes is not read as one of the build's. */
    @BeforeEach
    void capture() {
        for (Logger logger : List.of(writer, stream)) {
            logger.addHandler(capture);
            logger.setUseParentHandlers(false);
        }
        streamLevel = stream.getLevel();
        stream.setLevel(Level.FINE);
    }

    @AfterEach
    void release() {
        for (Logger logger : List.of(writer, stream)) {
            logger.removeHandler(capture);
            logger.setUseParentHandlers(true);
        }
        stream.setLevel(streamLevel);
    }

    private static void writerLogs(Throwable failure) {
        org.jboss.logging.Logger.getLogger(ClientDisconnects.WRITER)
                .error("Exception in SSE server handling, impossible to send it to client", failure);
    }

    @Test
    void aReaderGoingAwayIsADebugLine() {
        writerLogs(new IOException("Connection reset by peer"));
        assertTrue(records.stream().noneMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue()),
                "logged as a problem: " + records.stream().map(LogRecord::getMessage).toList());
        assertEquals(1, records.stream().filter(r -> r.getLevel().intValue() < Level.INFO.intValue()
                && String.valueOf(r.getMessage()).contains("went away")
                && r.getLoggerName().equals(ClientDisconnects.class.getName())).count(), records.toString());
    }

    @Test
    void anyOtherFailureStaysAnError() {
        writerLogs(new IllegalStateException("Stored event payloads are JSON"));
        assertEquals(List.of(ClientDisconnects.WRITER), records.stream()
                .filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogRecord::getLoggerName).toList());
    }
}
