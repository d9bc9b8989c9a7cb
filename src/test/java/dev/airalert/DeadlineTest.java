package dev.airalert;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertEquals(1, passed.secondsLeft(), "a transaction is still given a second to roll back in");
    }

    @Test
    void aDeadlineAheadLetsItGoOn() {
        Deadline ahead = Deadline.in(Duration.ofSeconds(10));
        ahead.check();
        assertTrue(ahead.secondsLeft() >= 9 && ahead.secondsLeft() <= 10);
        Deadline.NONE.check();
    }
}
