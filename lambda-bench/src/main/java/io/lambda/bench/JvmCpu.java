package io.lambda.bench;

import java.lang.management.ManagementFactory;

/** CPU time of this JVM: in the benchmarks the services, the broker and the load generator all run in it. */
final class JvmCpu {

    private JvmCpu() {
    }

    /** Nanoseconds of CPU this JVM has used so far, all threads. */
    static long nanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
