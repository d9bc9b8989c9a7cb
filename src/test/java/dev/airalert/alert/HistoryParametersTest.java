package dev.airalert.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airalert.filter.FilterParser;
import org.junit.jupiter.api.Test;

/** The API description lists exactly the parameters the parsers read: none missing, none made up. */
class HistoryParametersTest {

    @Test
    void everyParameterTheHistoryReadsIsDescribed() {
        assertEquals(AlertQueryParser.PARAMETERS, HistoryParameters.DESCRIPTIONS.keySet());
    }

    @Test
    void everySharedFilterIsDescribed() {
        assertEquals(FilterParser.PARAMETERS, FilterParser.DESCRIPTIONS.keySet());
    }
}
