package dev.airalert;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    @Test
    void aPassedDeadlineStopsTheWork() {
        Deadline passed = Deadline.in(Duration.ofNanos(-1));
        Deadline.Exceeded e = assertThrows(Deadline.Exceeded.class, passed::check);
        assertTrue(e.getMessage().contains("took longer than"));
    }

    @Test
    void aDeadlineAheadLetsItGoOn() {
        Deadline ahead = Deadline.in(Duration.ofSeconds(10));
        ahead.check();
        Deadline.NONE.check();
    }
}
