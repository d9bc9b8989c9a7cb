package dev.airalert.stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A live-stream client for tests: collects events and comments until closed, and tells when the server ended it. */
public final class SseClient implements AutoCloseable {

    private static final Duration SOON = Duration.ofSeconds(10);

    /** One Server-Sent Event as received. */
    public record Event(String id, String name, JsonPath data) {
    }

    public final List<Event> events = new CopyOnWriteArrayList<>();
    public final List<String> comments = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    /** Opens {@code url} (the stream with its query); {@code lastEventId} and {@code key} may be null. */
    public SseClient(String url, String lastEventId, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            String[] current = new String[3];
            StringBuilder data = new StringBuilder();
            try {
                r.body().forEach(line -> {
                    if (line.startsWith(":")) {
                        comments.add(line);
                    } else if (line.startsWith("id:")) {
                        current[0] = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                        current[1] = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    } else if (line.isEmpty() && data.length() > 0) {
                        events.add(new Event(current[0], current[1], JsonPath.from(data.toString())));
                        data.setLength(0);
                    }
                });
            } catch (RuntimeException closedHere) {
                // the test closed the stream
            }
            ended.complete(null);
        });
        await().atMost(SOON).until(response::isDone);
        assertEquals(200, response.join().statusCode());
    }

    public Event awaitSender(String sender) {
        await().atMost(SOON).until(() -> events.stream().anyMatch(e -> sender.equals(e.data().getString("sender"))));
        return events.stream().filter(e -> sender.equals(e.data().getString("sender"))).findFirst().get();
    }

    public boolean hasSender(String sender) {
        return events.stream().anyMatch(e -> sender.equals(e.data().getString("sender")));
    }

    /** Whether the server has ended the response. */
    public boolean ended() {
        return ended.isDone();
    }

    @Override
    public void close() {
        response.join().body().close();
    }
}
