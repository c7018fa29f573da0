package io.lambda.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lambda.local.ServiceProcess;

/**
 * CPU seconds of every part of a benchmark that runs services as their own processes: each service process (read
 * from the operating system through {@link ProcessHandle}), the Redis server ({@code INFO cpu}) and this JVM (the
 * embedded broker and the load generator). All share the machine's cores, so a load's cost is the sum.
 */
final class GatewayCpuMeter {

    private final Map<String, ProcessHandle> processes = new LinkedHashMap<>();
    private final RedisStats redis;
    private final List<String> names = new ArrayList<>();

    GatewayCpuMeter(List<ServiceProcess> services, RedisStats redis) {
        for (ServiceProcess service : services) {
            processes.put(service.name(), processOf(service));
        }
        this.redis = redis;
        names.addAll(processes.keySet());
        names.add("redis");
        names.add("bench JVM");
    }

    /** Component names, in the order of {@link #seconds()}. */
    List<String> names() {
        return names;
    }

    /** CPU seconds each component has used so far. */
    double[] seconds() {
        double[] seconds = new double[names.size()];
        int i = 0;
        for (ProcessHandle process : processes.values()) {
            seconds[i++] = process.info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9;
        }
        seconds[i++] = redis.cpu().total();
        seconds[i] = JvmCpu.nanos() / 1e9;
        return seconds;
    }

    /** The CPU the components used between two readings, and the work done meanwhile. */
    static final class Account {

        private final double[] seconds;
        private double units;

        Account(int components) {
            seconds = new double[components];
        }

        void add(double[] before, double[] after, double unitsDone) {
            for (int i = 0; i < seconds.length; i++) {
                seconds[i] += after[i] - before[i];
            }
            units += unitsDone;
        }

        /** Milliseconds of CPU per {@code per} units, for each component. */
        double[] millisPer(double per) {
            double[] millis = new double[seconds.length];
            for (int i = 0; i < millis.length; i++) {
                millis[i] = seconds[i] * 1000 * per / Math.max(1, units);
            }
            return millis;
        }

        /** Milliseconds of CPU of all components together per {@code per} units. */
        double totalMillisPer(double per) {
            double total = 0;
            for (double m : millisPer(per)) {
                total += m;
            }
            return total;
        }
    }

    /** The service's JVM: the child process of this one started with the service's port. */
    private static ProcessHandle processOf(ServiceProcess service) {
        String portArgument = "--server.port=" + service.port();
        return ProcessHandle.current().children()
                .filter(p -> p.info().arguments().map(List::of).orElse(List.of()).contains(portArgument))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no process of " + service.name() + " with "
                        + portArgument));
    }
}
