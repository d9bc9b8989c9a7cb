package dev.airalert.stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;

/** Which write failures mean that the reader went away, and which are the service's own. */
class ClientDisconnectsTest {

    @Test
    void aClosedOrResetConnectionIsAReaderGoingAway() {
        assertTrue(ClientDisconnects.clientGone(new IOException("Connection reset by peer")));
        assertTrue(ClientDisconnects.clientGone(new IOException("writevAddresses(..) failed: Broken pipe")));
        assertTrue(ClientDisconnects.clientGone(new SocketException("Connection reset")));
        assertTrue(ClientDisconnects.clientGone(new ClosedChannelException()));
        assertTrue(ClientDisconnects.clientGone(new HttpClosedException("Connection was closed")));
        assertTrue(ClientDisconnects.clientGone(new UncheckedIOException(new IOException("Broken pipe"))));
    }

    @Test
    void anythingElseIsAFailureOfTheService() {
        assertFalse(ClientDisconnects.clientGone(null));
        assertFalse(ClientDisconnects.clientGone(new IllegalStateException("Stored event payloads are JSON")));
        assertFalse(ClientDisconnects.clientGone(new IOException("No space left on device")));
        assertFalse(ClientDisconnects.clientGone(new RuntimeException("Connection reset by peer")));
    }
}
