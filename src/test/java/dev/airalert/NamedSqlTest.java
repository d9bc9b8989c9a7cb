package dev.airalert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamedSqlTest {

    @Test
    void eachNameBecomesAPlaceholderAndACollectionOneForEachOfItsValues() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("codes", List.of("UA-30", "UA-46"));
        params.put("since", 7);
        List<Object> values = new ArrayList<>();
        String sql = NamedSql.positional("SELECT a.id FROM alert a WHERE a.code IN (:codes) AND a.n >= :since"
                + " AND a.m < :since", params, values);
        assertEquals("SELECT a.id FROM alert a WHERE a.code IN (?, ?) AND a.n >= ? AND a.m < ?", sql);
        assertEquals(List.of("UA-30", "UA-46", 7, 7), values);
    }

    @Test
    void literalsAndCastsAreNotParameters() {
        List<Object> values = new ArrayList<>();
        String sql = NamedSql.positional("SELECT 'at :noon', x::text, 'it''s :x' FROM t WHERE y = :y",
                Map.of("y", 1), values);
        assertEquals("SELECT 'at :noon', x::text, 'it''s :x' FROM t WHERE y = ?", sql);
        assertEquals(List.of(1), values);
    }

    @Test
    void aNameWithoutAValueOrAnEmptyCollectionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> NamedSql.positional("SELECT :a", Map.of(), new ArrayList<>()));
        assertThrows(IllegalArgumentException.class,
                () -> NamedSql.positional("SELECT 1 WHERE x IN (:a)", Map.of("a", List.of()), new ArrayList<>()));
    }

    @Test
    void codesAndWordsAreWrittenInSortedAndAnythingElseIsBound() {
        Map<String, Object> params = new LinkedHashMap<>();
        assertEquals("a.status IN ('Actual', 'Test')",
                NamedSql.in("a.status", new java.util.LinkedHashSet<>(List.of("Test", "Actual")), "statuses", params));
        assertEquals(Map.of(), params);
        assertEquals("i.event_key IN (:events)", NamedSql.in("i.event_key", List.of("air raid", "x') OR ('1"),
                "events", params));
        assertEquals(List.of("air raid", "x') OR ('1"), params.get("events"));
    }
}
