package dev.airalert.security;

import dev.airalert.Lru;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The senders a key may publish as. Each entry is a CAP {@code sender} as written, where
 * {@code *} stands for any run of characters ({@code *@dsns.gov.ua}, {@code urn:oid:2.49.0.0.804.*})
 * and {@code \*}, {@code \\} for a literal asterisk and backslash; {@code "*"} alone is any
 * sender, for a trusted aggregator.
 */
public final class SenderPatterns {

    public static final String ANY = "*";
    public static final int MAX_LENGTH = 1024;

    /** Entries compiled lately: a key's patterns are made at every request it authenticates. */
    private static final Lru<String, Pattern> COMPILED = new Lru<>(1024);

    private final Set<String> entries;
    private final List<Pattern> compiled;

    private SenderPatterns(Collection<String> entries) {
        this.entries = new TreeSet<>(entries);
        this.compiled = this.entries.stream().map(e -> COMPILED.computeIfAbsent(e, SenderPatterns::compile)).toList();
    }

    public static SenderPatterns of(Collection<String> entries) {
        return new SenderPatterns(entries);
    }

    public static SenderPatterns none() {
        return new SenderPatterns(List.of());
    }

    /** The entry that matches exactly this sender and nothing else. */
    public static String literal(String sender) {
        return sender.replace("\\", "\\\\").replace("*", "\\*");
    }

    /** What is wrong with an entry, if anything. */
    public static Optional<String> problem(String entry) {
        if (entry == null || entry.isBlank()) {
            return Optional.of("must not be empty");
        }
        if (entry.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        if (entry.chars().anyMatch(c -> Character.isWhitespace(c) || c == ',' || c == '<' || c == '&')) {
            return Optional.of("a CAP sender has no whitespace, ',', '<' or '&'");
        }
        for (int i = 0; i < entry.length(); i++) {
            if (entry.charAt(i) == '\\') {
                if (i + 1 == entry.length() || (entry.charAt(i + 1) != '*' && entry.charAt(i + 1) != '\\')) {
                    return Optional.of("'\\' must be followed by '*' or '\\'");
                }
                i++;
            }
        }
        return Optional.empty();
    }

    public boolean allows(String sender) {
        return sender != null && compiled.stream().anyMatch(p -> p.matcher(sender).matches());
    }

    /** Whether this is a trusted aggregator's key, which may speak for anyone ("*", "**", ...). */
    public boolean anySender() {
        return entries.stream().anyMatch(e -> e.chars().allMatch(c -> c == '*'));
    }

    /**
     * Whether every entry names someone: it holds a run of at least three letters or digits
     * outside its wildcards ({@code *@dsns.gov.ua} does, {@code *@*} does not). What a broker
     * ingest key must be, since whoever reaches the broker publishes as it.
     */
    public boolean isNarrow() {
        return !entries.isEmpty() && entries.stream().allMatch(e -> Arrays.stream(e.split("\\*"))
                .anyMatch(literal -> literal.matches("(?s).*\\p{Alnum}{3}.*")));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public Set<String> entries() {
        return entries;
    }

    private static Pattern compile(String entry) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < entry.length(); i++) {
            char ch = entry.charAt(i);
            if (ch == '\\' && i + 1 < entry.length()) {
                literal.append(entry.charAt(++i));
            } else if (ch == '*') {
                regex.append(Pattern.quote(literal.toString())).append(".*");
                literal.setLength(0);
            } else {
                literal.append(ch);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    @Override
    public String toString() {
        return String.join(" ", entries);
    }
}
