package dev.airalert.delivery;

import dev.airalert.AirAlertConfig;
import dev.airalert.Clocks;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * The outcome thread's work: takes what requests gave, with the handed deliveries due for an
 * early row, in batches ({@link OutcomeBatch}), and has them written. The batch being written
 * is kept here until it is written and accounted for, so that a thread that died half way is
 * followed by one that finishes the same batch: nothing taken is lost, nothing written twice.
 */
@ApplicationScoped
class OutcomeWriter {

    private static final Logger LOG = Logger.getLogger(OutcomeWriter.class);
    private static final int BATCH = 1000;
    private static final Duration LINGER = Duration.ofMillis(20);

    private final OutcomeRecorder recorder;
    private final EarlyRows rows;
    private final HeldEvents events;
    private final DeliverySignal signal;
    private final Duration pollInterval;
    private final Clock clock = Clocks.UTC;
    private final LinkedBlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    /** What the outcome thread took and has not finished with (outcome thread only). */
    private OutcomeBatch recording;
    private volatile boolean running = true;

    OutcomeWriter(OutcomeRecorder recorder, EarlyRows rows, HeldEvents events, DeliverySignal signal,
            AirAlertConfig config) {
        this.recorder = recorder;
        this.rows = rows;
        this.events = events;
        this.signal = signal;
        this.pollInterval = config.webhooks().pollInterval();
    }

    /** A request ended (on the event loop). */
    void add(Outcome outcome) {
        outcomes.add(outcome);
        signal.wakeRecorder();
    }

    /** Whether nothing is left to write. */
    boolean idle() {
        return outcomes.isEmpty() && recording == null;
    }

    /** The service is stopping: a batch the database does not take now is left to its event or lease. */
    void stop() {
        running = false;
    }

    /** One round: waits for outcomes a while, writes a batch. {@code requestsInFlight}: more are coming. */
    void recordNext(BooleanSupplier requestsInFlight) throws InterruptedException {
        if (recording == null && !collect(requestsInFlight)) {
            return;
        }
        if (write(recording)) {
            events.recorded(rows.written(recording));
        }
        recording = null;
        // Finished events can leave the outbox; recorded outcomes can release a chain's next event or a retry.
        signal.wakeFanOut();
        signal.wakeDispatcher();
    }

    /**
     * Takes the next outcomes into {@link #recording}, and the handed deliveries that are to get
     * their row early; false when there are none. The batch exists before anything is taken
     * into it and stays until written: a thread that dies loses nothing it took.
     */
    private boolean collect(BooleanSupplier requestsInFlight) throws InterruptedException {
        if (outcomes.isEmpty()) {
            signal.awaitOutcomes(pollInterval.toMillis());
        }
        if (!outcomes.isEmpty() && outcomes.size() < BATCH / 2 && requestsInFlight.getAsBoolean()) {
            // Linger a moment while outcomes stream in: fewer, larger transactions
            // cost the database far less, and no receiver waits for this.
            Thread.sleep(LINGER.toMillis());
        }
        OutcomeBatch batch = new OutcomeBatch(clock.instant(), BATCH);
        recording = batch;
        outcomes.drainTo(batch.outcomes, BATCH);
        rows.takeDue(batch);
        if (batch.isEmpty()) {
            recording = null;
        }
        return recording != null;
    }

    /**
     * Outcomes are kept until written: if the database is away, the same batch is tried again;
     * a batch tried before (by a thread that died, say) is first looked for. False when it could
     * not be written before shutdown.
     */
    private boolean write(OutcomeBatch batch) throws InterruptedException {
        while (!batch.written) {
            try {
                if (batch.tried && recorder.committed(batch.outcomes, batch.unfinished)) {
                    batch.written = true;
                    break;
                }
                batch.tried = true;
                recorder.record(batch.outcomes, rows::hasRow, batch.unfinished, batch.at);
                batch.written = true;
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    LOG.warnf("Could not record %d outcomes at shutdown; their events or leases bring them back",
                            batch.outcomes.size());
                    return false;
                }
                LOG.warnf("Recording %d outcomes failed: %s; retrying", batch.outcomes.size(), e.getMessage());
                Thread.sleep(pollInterval.toMillis() * 4);
            }
        }
        return true;
    }
}
