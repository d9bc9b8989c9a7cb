package dev.airalert.store;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.management.ManagementFactory;
import org.jboss.logging.Logger;

/**
 * Warns at start when the JVM would run on after an {@link OutOfMemoryError}. A full heap
 * can strike in the middle of any write, leaving half-changed structures in memory that the
 * next commit would put into the H2 file; a JVM started with
 * {@code -XX:+ExitOnOutOfMemoryError} stops at once instead, and the file keeps its last
 * commit, as after a kill -9. The flag can only be given on the command line, which is why
 * the documented start commands carry it.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "h2")
class OutOfMemoryExitCheck {

    private static final Logger LOG = Logger.getLogger(OutOfMemoryExitCheck.class);

    void check(@Observes StartupEvent event) {
        if (!stopsOnOutOfMemory()) {
            LOG.warn("This JVM runs on after an OutOfMemoryError, which can write a damaged H2 file:"
                    + " start the embedded default with java -XX:+ExitOnOutOfMemoryError -jar ...");
        }
    }

    static boolean stopsOnOutOfMemory() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        return vm != null && (enabled(vm, "ExitOnOutOfMemoryError") || enabled(vm, "CrashOnOutOfMemoryError"));
    }

    private static boolean enabled(HotSpotDiagnosticMXBean vm, String flag) {
        try {
            return Boolean.parseBoolean(vm.getVMOption(flag).getValue());
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
