package dev.airalert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StartupHeapTest {

    /** The flags of a JVM as the image starts it: G1, sizes left to ergonomics. */
    static final class Flags implements HotSpotDiagnosticMXBean {
        final Map<String, VMOption> options = new HashMap<>();
        final List<String> set = new ArrayList<>();

        Flags() {
            put("UseG1GC", "true", VMOption.Origin.ERGONOMIC);
            put("DisableExplicitGC", "false", VMOption.Origin.DEFAULT);
            put("ExplicitGCInvokesConcurrent", "false", VMOption.Origin.DEFAULT);
            put("MaxHeapFreeRatio", "70", VMOption.Origin.DEFAULT);
            put("MinHeapFreeRatio", "40", VMOption.Origin.DEFAULT);
            put("InitialHeapSize", "398458880", VMOption.Origin.ERGONOMIC);
            put("MinHeapSize", "8388608", VMOption.Origin.ERGONOMIC);
            put("InitialRAMPercentage", "1.562500", VMOption.Origin.DEFAULT);
        }

        Flags put(String name, String value, VMOption.Origin origin) {
            options.put(name, new VMOption(name, value, true, origin));
            return this;
        }

        @Override
        public VMOption getVMOption(String name) {
            VMOption option = options.get(name);
            if (option == null) {
                throw new IllegalArgumentException("no flag " + name);
            }
            return option;
        }

        @Override
        public void setVMOption(String name, String value) {
            set.add(name + "=" + value);
            put(name, value, VMOption.Origin.MANAGEMENT);
        }

        @Override
        public List<VMOption> getDiagnosticOptions() {
            return List.copyOf(options.values());
        }

        @Override
        public void dumpHeap(String outputFile, boolean live) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ObjectName getObjectName() {
            return null;
        }
    }

    @Test
    void aHeapLeftToErgonomicsIsTrimmedWithTheMinimumFreeShareAndTheMaximumPutBack() {
        Flags flags = new Flags();
        assertTrue(StartupHeap.whyNot(flags).isEmpty());

        StartupHeap.trim(flags);

        assertEquals(List.of("MaxHeapFreeRatio=40", "MaxHeapFreeRatio=70"), flags.set);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MaxHeapFreeRatio", "MinHeapFreeRatio", "InitialHeapSize", "MinHeapSize", "InitialRAMPercentage"})
    void aHeapTheOperatorSizedIsLeftAlone(String flag) {
        for (VMOption.Origin origin : new VMOption.Origin[] {VMOption.Origin.VM_CREATION, VMOption.Origin.ENVIRON_VAR,
                VMOption.Origin.CONFIG_FILE, VMOption.Origin.MANAGEMENT}) {
            Flags flags = new Flags();
            flags.put(flag, flags.getVMOption(flag).getValue(), origin);

            assertEquals(flag + " is set (" + origin + ")", StartupHeap.whyNot(flags).orElseThrow());
            StartupHeap.trim(flags);
            assertEquals(List.of(), flags.set);
        }
    }

    @Test
    void anotherCollectorOrAnExplicitCollectionThatIsNotFullIsLeftAlone() {
        // Serial is what the JVM picks on a machine of under 2 CPUs or 1.75 GB.
        assertEquals("the collector is not G1; -XX:+UseG1GC makes it so", StartupHeap.whyNot(new Flags()
                .put("UseG1GC", "false", VMOption.Origin.ERGONOMIC).put("UseSerialGC", "true", VMOption.Origin.ERGONOMIC))
                .orElseThrow());
        assertEquals("DisableExplicitGC is set",
                StartupHeap.whyNot(new Flags().put("DisableExplicitGC", "true", VMOption.Origin.VM_CREATION)).orElseThrow());
        assertEquals("ExplicitGCInvokesConcurrent is set", StartupHeap.whyNot(
                new Flags().put("ExplicitGCInvokesConcurrent", "true", VMOption.Origin.VM_CREATION)).orElseThrow());
    }

    @Test
    void theRunningJvmKnowsEveryFlagItReads() {
        // A flag this JVM no longer knew would throw here, and on every start make the trim a warning.
        StartupHeap.whyNot(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class));
    }
}
