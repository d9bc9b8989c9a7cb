import io.vertx.core.buffer.Buffer;
import java.util.Locale;

/**
 * Reads the answer to an HTTP/1.1 GET of an event stream as the bytes come off a TCP socket:
 * the status line and headers, then the body (chunked or not) as Server-Sent Events. Each
 * block ends with a blank line (CRLF is read as LF); a block of comments only is a heartbeat
 * (or the comment a stream opens with), anything else an event. Reading the socket directly
 * means that no byte can arrive before there is a handler for it, and that a stream costs its
 * event loop little. The benchmarks' stream clients share it; one instance per connection,
 * fed from its socket's handler only.
 */
final class SseReader {

    /** What the reader found. */
    interface Blocks {
        /** The answer was not a 200: its status line. Nothing more is read. */
        void refused(String statusLine);

        /** A block of comments only. */
        void comment();

        /** An event: the whole block, as it came. */
        void event(Buffer block);
    }

    private enum Part { HEAD, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, BODY, ENDED }

    private final Blocks blocks;
    private Part part = Part.HEAD;
    private final StringBuilder text = new StringBuilder();
    private int chunkLeft;
    private Buffer block = Buffer.buffer();
    private boolean lineStart = true;
    private boolean hasField;
    private long bytes;

    SseReader(Blocks blocks) {
        this.blocks = blocks;
    }

    /** The request that opens a stream at this path. */
    static String request(int port, String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: text/event-stream\r\n\r\n";
    }

    void read(Buffer data) {
        bytes += data.length();
        for (int i = 0; i < data.length(); i++) {
            byte b = data.getByte(i);
            switch (part) {
                case HEAD -> {
                    text.append((char) b);
                    if (b == '\n' && text.toString().endsWith("\r\n\r\n")) {
                        headEnded();
                    }
                }
                case CHUNK_SIZE -> {
                    if (b == '\n') {
                        int extension = text.indexOf(";");
                        chunkLeft = Integer.parseInt((extension < 0 ? text : text.substring(0, extension))
                                .toString().trim(), 16);
                        text.setLength(0);
                        part = chunkLeft == 0 ? Part.ENDED : Part.CHUNK_DATA;
                    } else {
                        text.append((char) b);
                    }
                }
                case CHUNK_DATA -> {
                    sse(b);
                    if (--chunkLeft == 0) {
                        part = Part.CHUNK_END;
                    }
                }
                case CHUNK_END -> {
                    if (b == '\n') {
                        part = Part.CHUNK_SIZE;
                    }
                }
                case BODY -> sse(b);
                case ENDED -> {
                }
            }
        }
    }

    /** Whether the status line and headers are still being read. */
    boolean inHead() {
        return part == Part.HEAD;
    }

    /** Bytes read so far. */
    long bytes() {
        return bytes;
    }

    private void headEnded() {
        String head = text.toString();
        text.setLength(0);
        if (!head.startsWith("HTTP/1.1 200")) {
            part = Part.ENDED;
            blocks.refused(head.substring(0, head.indexOf('\r')));
            return;
        }
        part = head.toLowerCase(Locale.ROOT).contains("\r\ntransfer-encoding: chunked")
                ? Part.CHUNK_SIZE : Part.BODY;
    }

    private void sse(byte b) {
        block.appendByte(b);
        if (b == '\r') {
            return;
        }
        if (b != '\n') {
            hasField |= lineStart && b != ':';
            lineStart = false;
        } else if (!lineStart) {
            lineStart = true;
        } else {
            Buffer ended = block;
            boolean isEvent = hasField;
            block = Buffer.buffer();
            hasField = false;
            if (isEvent) {
                blocks.event(ended);
            } else {
                blocks.comment();
            }
        }
    }
}
