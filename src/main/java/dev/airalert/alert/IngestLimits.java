package dev.airalert.alert;

import dev.airalert.AirAlertConfig;
import dev.airalert.cap.CapLimits;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The operator's limits on what one alert may hold, for every way alerts come in. */
class IngestLimits {

    @Produces
    @Singleton
    CapLimits capLimits(AirAlertConfig config) {
        AirAlertConfig.Ingest in = config.ingest();
        return new CapLimits(in.maxInfos(), in.maxAreas(), in.maxGeocodes(), in.maxShapes(), in.maxPolygonPoints(),
                in.maxPoints(), in.maxReferences(), in.maxNamedValues());
    }
}
