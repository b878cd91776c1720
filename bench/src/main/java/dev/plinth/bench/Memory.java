package dev.plinth.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/** Heap, metaspace and loaded-class figures of this JVM, read after asking for full collections until they settle. */
record Memory(long heapUsed, long metaspaceUsed, long loadedClasses) {

    /** Collects until the used heap stops shrinking (at most eight rounds), then reads the figures. */
    static Memory settled() {
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 8; i++) {
            System.gc();
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long used = heap();
            if (used >= previous - 64 * 1024) {
                break;
            }
            previous = used;
        }
        return new Memory(heap(), metaspace(), ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
    }

    private static long heap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long metaspace() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().equals("Metaspace"))
                .mapToLong(p -> p.getUsage().getUsed()).findFirst().orElse(-1);
    }

    static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
