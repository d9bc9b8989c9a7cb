package dev.airalert;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Gives the memory of the start back to the system once the start's work is done. Loading the
 * gazetteer and warming its code makes a lot of short-lived objects in a few seconds; G1 answers
 * the frequent collections by growing the heap (to 180-250 MB committed for a live heap of
 * 50 MB), and a heap once grown stays resident while the service idles, which is most of its
 * life. One full collection after the start, with the heap allowed to keep only
 * {@code MinHeapFreeRatio} free instead of {@code MaxHeapFreeRatio}, shrinks it to about
 * 1.7 times what is live; traffic grows it again as G1 sees fit.
 *
 * <p>Done once a JVM, with G1 only. An operator who sizes the heap (-Xms, InitialRAMPercentage,
 * MinHeapFreeRatio, MaxHeapFreeRatio), runs another collector or makes System.gc() concurrent or a no-op
 * (-XX:+DisableExplicitGC, the switch to keep the heap as G1 grew it) has decided: then nothing
 * is done.
 */
public final class StartupHeap {

    private static final Logger LOG = Logger.getLogger(StartupHeap.class);
    private static final String MAX_FREE = "MaxHeapFreeRatio";
    private static final String MIN_FREE = "MinHeapFreeRatio";
    private static final AtomicBoolean TRIMMED = new AtomicBoolean();

    private StartupHeap() {
    }

    /** Shrinks the heap to what is live and a margin, unless the operator has sized it; never throws. */
    public static void trim() {
        if (!TRIMMED.compareAndSet(false, true)) {
            return; // once a JVM: a second gazetteer (a dev-mode reload, a test) finds it done
        }
        try {
            trim(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class));
        } catch (RuntimeException | LinkageError e) {
            // Only memory is at stake (a runtime without jdk.management has no such bean): the
            // service runs on with the heap as it is.
            LOG.warnf(e, "Could not trim the heap after the start");
        }
    }

    static void trim(HotSpotDiagnosticMXBean vm) {
        Optional<String> reason = whyNot(vm);
        if (reason.isPresent()) {
            LOG.infof("Start done: the heap is left as it is (%s)", reason.get());
            return;
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = memory.getHeapMemoryUsage().getCommitted();
        String maxFree = vm.getVMOption(MAX_FREE).getValue();
        long began = System.nanoTime();
        vm.setVMOption(MAX_FREE, vm.getVMOption(MIN_FREE).getValue());
        try {
            System.gc();
        } finally {
            vm.setVMOption(MAX_FREE, maxFree);
        }
        LOG.infof("Start done: heap %d MB committed, %d MB after one collection (%.0f ms), %d MB of it in use;"
                + " %s back at %s", before >> 20, memory.getHeapMemoryUsage().getCommitted() >> 20,
                (System.nanoTime() - began) / 1e6, memory.getHeapMemoryUsage().getUsed() >> 20, MAX_FREE, maxFree);
    }

    /** Why the heap is to be left alone, if it is. */
    static Optional<String> whyNot(HotSpotDiagnosticMXBean vm) {
        // Serial, which the JVM picks with under 2 CPUs or 1.75 GB, keeps its generations at
        // their initial sizes at least (tried: 365 MB committed before and after); Parallel,
        // ZGC and Shenandoah size the heap by policies of their own.
        if (!on(vm, "UseG1GC")) {
            return Optional.of("the collector is not G1; -XX:+UseG1GC makes it so");
        }
        for (String flag : new String[] {"DisableExplicitGC", "ExplicitGCInvokesConcurrent"}) {
            if (on(vm, flag)) {
                return Optional.of(flag + " is set");
            }
        }
        for (String flag : new String[] {MAX_FREE, MIN_FREE, "InitialHeapSize", "MinHeapSize", "InitialRAMPercentage"}) {
            VMOption option = vm.getVMOption(flag);
            if (option.getOrigin() != VMOption.Origin.DEFAULT && option.getOrigin() != VMOption.Origin.ERGONOMIC) {
                return Optional.of(flag + " is set (" + option.getOrigin() + ")");
            }
        }
        return Optional.empty();
    }

    private static boolean on(HotSpotDiagnosticMXBean vm, String flag) {
        return vm.getVMOption(flag).getValue().equals("true");
    }
}
