package dev.airalert.cap;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a valid CAP 1.2 alert that a test then spoils in exactly one place, so each
 * validator test shows one rule. Fields are public on purpose: it is test data.
 */
final class CapAlertBuilder {

    String identifier = "UA-KYIV-2026-0001";
    String sender = "alerts@example.gov.ua";
    String sent = "2026-11-25T08:00:00+02:00";
    String status = "Actual";
    String msgType = "Alert";
    String source;
    String scope = "Public";
    String restriction;
    String addresses;
    List<String> code = new ArrayList<>();
    String note;
    String references;
    String incidents;
    final Info info = new Info();

    static final class Info {
        String language = "uk-UA";
        List<String> category = new ArrayList<>(List.of("Security"));
        String event = "Air raid";
        List<String> responseType = new ArrayList<>(List.of("Shelter"));
        String urgency = "Immediate";
        String severity = "Extreme";
        String certainty = "Likely";
        List<NamedValue> eventCode = new ArrayList<>();
        String effective;
        String onset;
        String expires = "2026-11-25T10:00:00+02:00";
        String headline = "Air raid alert";
        String description = "Go to the nearest shelter.";
        String web;
        List<NamedValue> parameter = new ArrayList<>();
        List<CapResource> resource = new ArrayList<>();
        final Area area = new Area();

        CapInfo build() {
            return new CapInfo(language, category, event, responseType, urgency, severity, certainty,
                    null, eventCode, effective, onset, expires, "Civil Defence", headline,
                    description, "Stay in the shelter until the all-clear.", web,
                    null, parameter, resource, List.of(area.build()));
        }
    }

    static final class Area {
        String areaDesc = "Kyiv";
        List<String> polygon = new ArrayList<>(
                List.of("50.59,30.24 50.59,30.83 50.21,30.83 50.21,30.24 50.59,30.24"));
        List<String> circle = new ArrayList<>(List.of("50.45,30.52 25"));
        List<NamedValue> geocode = new ArrayList<>(List.of(new NamedValue("ISO 3166-2", "UA-30")));
        String altitude;
        String ceiling;

        CapArea build() {
            return new CapArea(areaDesc, polygon, circle, geocode, altitude, ceiling);
        }
    }

    CapAlert build() {
        return new CapAlert(identifier, sender, sent, status, msgType, source, scope, restriction,
                addresses, code, note, references, incidents, List.of(info.build()));
    }
}
