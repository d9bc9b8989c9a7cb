package dev.airalert.region;

import dev.airalert.AirAlertConfig;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Every known region, held in memory: country > oblast > raion > hromada for Ukraine (the
 * built-in {@code gazetteer.geojson} with the countries and oblasts, {@code raions.geojson},
 * {@code hromadas.geojson}, and the location ids of other alert services in a table of their
 * own, {@code alert-location-ids.json}, which an operator may replace), the Russian border
 * regions, and any GeoJSON files named in configuration. Answers "which region is this code,
 * name, KATOTTG code or location id", "which regions contain this point" and "which regions
 * does this shape cover".
 *
 * <p>The data (some 1,600 boundaries) loads on a thread of its own from the moment the service
 * starts, beside the rest of the start-up; every question waits for it, the readiness check
 * {@code regions} is DOWN until it is there, and a broken file stops the service. The same
 * thread then prepares what shape tests need, so that the first alert with a polygon does not
 * pay for it.
 *
 * <p>Shapes are tested against the smallest regions that have boundaries (hromadas, Crimea's
 * raions, Kyiv, Sevastopol, the border regions), each carrying about 32 sample points spread
 * over its area: a region is covered whole when the shape holds all of them but one in twenty, in
 * part when it holds some or when the shape lies inside the region, and not at all when the shape only
 * grazes its edge (a publisher's outline of one hromada drawn a little wider than ours does not
 * alert its neighbours). Regions whose every child is covered whole count as covered whole.
 */
@Startup
@ApplicationScoped
public class Gazetteer {

    static final String BUILT_IN = "regions/gazetteer.geojson";
    static final List<String> SUBREGIONS = List.of("regions/raions.geojson", "regions/hromadas.geojson");
    static final String ALIASES = "regions/aliases.json";
    public static final String LOCATION_IDS = "regions/alert-location-ids.json";
    /** The location-id schemes a geocode's valueName may name. */
    public static final String ALERTS_IN_UA = "alerts.in.ua";
    public static final String UKRAINEALARM = "ukrainealarm";

    private static final Logger LOG = Logger.getLogger(Gazetteer.class);

    /** How a name was matched: recorded in an alert's resolution. */
    public enum Reading {
        /** One of its codes (ISO 3166-2, KATOTTG). */
        CODE,
        /** Its name in one of its languages. */
        NAME,
        /** A city's name for the hromada (or district) of that city: "Odesa" is the city, not the oblast. */
        CITY,
        /** Another name it is known by. */
        ALIAS;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a name means: no region, one, or several (then never guessed between). */
    public record NameMatch(List<Region> regions, Reading reading) {
        static final NameMatch NONE = new NameMatch(List.of(), null);

        public boolean isUnique() {
            return regions.size() == 1;
        }

        public boolean isAmbiguous() {
            return regions.size() > 1;
        }

        /** The one region the name means; empty when it means none or several. */
        public Optional<Region> unique() {
            return isUnique() ? Optional.of(regions.get(0)) : Optional.empty();
        }
    }

    private final GeometryFactory geometry = new GeometryFactory();
    private volatile boolean atWork;
    private final CompletableFuture<GazetteerData> data;

    @Inject
    Gazetteer(AirAlertConfig config) {
        this(config.regions().files().orElse(List.of()), config.regions().locationIds());
        data.whenComplete((loaded, failure) -> {
            if (failure != null) {
                // A service that silently lost its regions would silently miss their alerts.
                LOG.fatal("Cannot load the regions; stopping", failure);
                Quarkus.asyncExit(1);
            }
        });
    }

    /** The built-in regions, then those of {@code files} in order. */
    Gazetteer(List<Path> files) {
        this(files, Optional.empty());
    }

    Gazetteer(List<Path> files, Optional<Path> locationIds) {
        data = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            GazetteerData loaded;
            try {
                loaded = new GazetteerData(files, locationIds, geometry);
            } catch (RuntimeException | Error e) {
                data.completeExceptionally(e);
                return;
            }
            data.complete(loaded);
            // The first alert with a shape after a quiet start is as urgent as any other.
            loaded.warm();
            ShapeWarmUp.run(this, loaded);
        }, "airalert-regions");
        loader.setDaemon(true);
        loader.start();
    }

    /** The data, once loaded; waits for it before that. */
    GazetteerData data() {
        try {
            return data.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("The regions could not be loaded", e.getCause());
        }
    }

    /** A publisher's alert is being resolved: from now on real alerts keep the code warm. */
    void publisherAtWork() {
        if (!atWork) {
            atWork = true;
        }
    }

    /**
     * Whether a publisher's alert has been resolved (or begun) since the start: every warm-up
     * stops then, so that the real alert has the processors and the compilers to itself.
     */
    public boolean atWork() {
        return atWork;
    }

    /** Whether the data is loaded: what the readiness check reports. */
    boolean isLoaded() {
        return data.isDone() && !data.isCompletedExceptionally();
    }

    public GeometryFactory geometryFactory() {
        return geometry;
    }

    public Collection<Region> all() {
        return data().all();
    }

    /** A region by its code or another code of it (Kyiv's KATOTTG code is Kyiv, UA-30). */
    public Optional<Region> byCode(String code) {
        return data().byCode(code);
    }

    /** What a code or name means, in any language: no region, one, or several. */
    public NameMatch byName(String name) {
        return data().byName(name);
    }

    /**
     * The region a KATOTTG code names, and whether it names all of it: a hromada's code is
     * the hromada; a village's code is part of its hromada.
     */
    public Optional<Map.Entry<Region, Boolean>> byKatottg(String code) {
        return data().byKatottg(code);
    }

    /** A region by its id in another alert service ({@link #ALERTS_IN_UA}, {@link #UKRAINEALARM}). */
    public Optional<Region> byLocationId(String scheme, String id) {
        return data().byLocationId(scheme, id);
    }

    /** Regions whose names or aliases contain the text, in any language; exact matches first. */
    public List<Region> search(String text) {
        return data().search(text);
    }

    /** Every region whose boundary contains the point, from the country down to the smallest. */
    public List<Region> containing(LatLon point) {
        return data().containing(point);
    }

    /**
     * The regions the shape covers, with whether whole (true) or in part, at the most
     * precise level: a region whose every child is covered whole is given instead of them.
     */
    public Map<Region, Boolean> touchedBy(Geometry shape) {
        return data().touchedBy(shape);
    }

    /**
     * Codes with whether each is covered whole, rolled up: a region with a boundary whose
     * every child is covered whole stands for them (up to the oblast: a country is named only
     * when an alert names it), and nothing inside a region covered whole is listed besides it.
     */
    public Map<String, Boolean> mostPrecise(Map<String, Boolean> wholeByCode) {
        return data().mostPrecise(wholeByCode);
    }

    /** The codes of the region's parent, its parent's parent, and so on up to the country. */
    public List<String> ancestors(String code) {
        return data().ancestors(code);
    }

    /** The codes of the regions directly below this one. */
    public List<String> children(String code) {
        return data().children(code);
    }

    /** The codes of every region below this one. */
    public List<String> descendants(String code) {
        return data().descendants(code);
    }

    /** How many levels above it: 0 for a country. */
    public int depth(String code) {
        return data().depth(code);
    }

    /**
     * The version of the region data as resolution reads it (a SHA-256 over every region's
     * codes, kind, parent, names, aliases, location ids and the extent of its boundary, and the
     * resolver's rules): when it changes, alerts in force are resolved again.
     */
    public String version() {
        return data().version();
    }

    /** Runs the action once the data is loaded (at once if it is), on the loading thread. */
    public void whenLoaded(Runnable action) {
        data.thenRun(action);
    }
}
