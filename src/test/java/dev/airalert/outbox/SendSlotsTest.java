package dev.airalert.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outbox engine's counting: send slots overall and per target, and waits that never give up. */
class SendSlotsTest {

    @Test
    void aTargetHoldsAtMostItsShareAndGivesItBack() {
        SendSlots<String> slots = new SendSlots<>(4, 2);
        assertTrue(slots.takeFor("slow.example"));
        assertTrue(slots.takeFor("slow.example"));
        assertFalse(slots.takeFor("slow.example"), "a third request to one endpoint waits");
        assertTrue(slots.takeFor("fast.example"), "another endpoint is not held up");
        slots.giveFor("slow.example");
        assertEquals(1, slots.busy("slow.example"));
        assertTrue(slots.takeFor("slow.example"));
        slots.giveFor("slow.example");
        slots.giveFor("slow.example");
        assertEquals(0, slots.busy("slow.example"));
    }

    @Test
    void theOverallSlotsCountWhatIsInFlight() {
        SendSlots<String> slots = new SendSlots<>(2, 2);
        slots.take();
        slots.take();
        assertEquals(0, slots.free());
        slots.give();
        assertEquals(1, slots.free());
        assertEquals(1, slots.inFlight());
    }

    @Test
    void workThatIsNeverGivenUpRepeatsTheLastWait() {
        Backoff backoff = new Backoff(List.of(Duration.ofSeconds(1), Duration.ofSeconds(5)), Duration.ZERO, 0);
        assertEquals(Duration.ofSeconds(1), backoff.untiring(1));
        assertEquals(Duration.ofSeconds(5), backoff.untiring(2));
        assertEquals(Duration.ofSeconds(5), backoff.untiring(50));
    }
}
