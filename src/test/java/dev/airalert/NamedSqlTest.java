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
}
