package dev.airalert.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a sender pattern matches, and which keys speak for anyone. */
class SenderPatternsTest {

    @Test
    void patternsMatchWholeSendersWithLiteralDotsAndEscapes() {
        SenderPatterns p = SenderPatterns.of(List.of("*@dsns.gov.ua", "odd\\*one"));
        assertTrue(p.allows("kyiv@dsns.gov.ua"));
        assertFalse(p.allows("kyiv@dsnsXgov.ua"));
        assertFalse(p.allows("kyiv@dsns.gov.ua.evil.example"));
        assertTrue(p.allows("odd*one"));
        assertFalse(p.allows("oddXone"));
        assertFalse(p.anySender());
        assertTrue(p.isNarrow());
    }

    @Test
    void anyWildcardOnlyEntrySpeaksForAnyoneAndNarrowMeansNamingSomeone() {
        assertTrue(SenderPatterns.of(List.of("*")).anySender());
        assertTrue(SenderPatterns.of(List.of("**")).anySender());
        assertFalse(SenderPatterns.of(List.of("*@*")).isNarrow());
        assertFalse(SenderPatterns.of(List.of("a@b.c", "*")).isNarrow());
        assertTrue(SenderPatterns.of(List.of("test-*@airalert.test")).isNarrow());
    }
}
