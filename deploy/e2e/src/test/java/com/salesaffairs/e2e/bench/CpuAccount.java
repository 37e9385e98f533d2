package com.salesaffairs.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a measured run, per part of the stack: each component
 * deploy/local/up.sh started (its process group, from the pid files), PostgreSQL (every process
 * named postgres), this benchmark's own JVM, and the machine's total busy time. Read from
 * /proc, in clock ticks of 10 ms (USER_HZ on Linux x86_64); on a machine without /proc it
 * prints nothing.
 */
final class CpuAccount {
    private static final double MS_PER_TICK = 10.0;
    private static final Path PIDS = Path.of(System.getProperty("bench.pids", "deploy/local/.runtime/pids"));

    private final Map<String, Long> ticks;
    private final long busy;

    private CpuAccount(Map<String, Long> ticks, long busy) {
        this.ticks = ticks;
        this.busy = busy;
    }

    static CpuAccount snapshot() {
        Map<String, Long> byGroup = new TreeMap<>();
        Map<Long, String> groups = componentGroups();
        long self = ProcessHandle.current().pid();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                Stat stat = Stat.parse(read(p.resolve("stat")));
                if (stat == null) {
                    return;
                }
                long pid = Long.parseLong(p.getFileName().toString());
                String name = pid == self ? "benchmark-driver"
                        : stat.comm().equals("postgres") ? "postgres" : groups.get(stat.pgrp());
                if (name != null) {
                    byGroup.merge(name, stat.used(), Long::sum);
                }
            });
        } catch (IOException | RuntimeException e) {
            return new CpuAccount(Map.of(), 0);
        }
        return new CpuAccount(byGroup, machineBusy());
    }

    CpuAccount minus(CpuAccount before) {
        Map<String, Long> diff = new TreeMap<>();
        ticks.forEach((k, v) -> diff.put(k, v - before.ticks.getOrDefault(k, 0L)));
        return new CpuAccount(diff, busy - before.busy);
    }

    /** CPU milliseconds per order write request, per component, and what the machine can give at most. */
    void print(long writes, double seconds) {
        if (ticks.isEmpty() || writes == 0) {
            return;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        ticks.forEach((name, t) -> System.out.printf(Locale.ROOT, "cpu_ms_per_write %-20s %6.2f  (%.0f%% of one core)%n",
                name, t * MS_PER_TICK / writes, t * MS_PER_TICK / seconds / 10));
        double perWrite = busy * MS_PER_TICK / writes;
        System.out.printf(Locale.ROOT, "cpu_ms_per_write %-20s %6.2f  (%.0f%% of %d cores)%n", "machine-total", perWrite,
                busy * MS_PER_TICK / seconds / 10 / cores, cores);
        System.out.printf(Locale.ROOT, "write_ceiling_per_s=%.0f (%d cores / machine CPU per write)%n",
                cores * 1000 / perWrite, cores);
    }

    /**
     * CPU ticks the JIT compiler threads of every JVM on the machine have used so far, or -1
     * without /proc. While it still rises fast the services are not at their steady speed.
     */
    static long jitTicks() {
        long[] sum = { 0 };
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> read(p.resolve("comm")).trim().equals("java")).forEach(p -> {
                        try (Stream<Path> tasks = Files.list(p.resolve("task"))) {
                            tasks.forEach(t -> sum[0] += compilerThreadTicks(read(t.resolve("stat"))));
                        } catch (IOException | RuntimeException e) {
                            // the process ended meanwhile
                        }
                    });
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return sum[0];
    }

    private static long compilerThreadTicks(String line) {
        Stat stat = Stat.parse(line);
        boolean compiler = stat != null
                && (stat.comm().startsWith("C1 CompilerThre") || stat.comm().startsWith("C2 CompilerThre"));
        return compiler ? stat.used() : 0;
    }

    /** The fields used from a /proc stat line: command name, process group, user + system ticks. */
    private record Stat(String comm, long pgrp, long used) {
        static Stat parse(String line) {
            int close = line.lastIndexOf(')');
            if (close < 0) {
                return null;
            }
            // After "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
            String[] f = line.substring(close + 2).split(" ");
            return new Stat(line.substring(line.indexOf('(') + 1, close), Long.parseLong(f[2]),
                    Long.parseLong(f[11]) + Long.parseLong(f[12]));
        }
    }

    private static Map<Long, String> componentGroups() {
        Map<Long, String> groups = new TreeMap<>();
        try (Stream<Path> files = Files.list(PIDS)) {
            files.filter(f -> f.toString().endsWith(".pid")).forEach(f -> {
                String pid = read(f).trim();
                if (pid.chars().allMatch(Character::isDigit) && !pid.isEmpty()) {
                    groups.put(Long.parseLong(pid), f.getFileName().toString().replace(".pid", ""));
                }
            });
        } catch (IOException | RuntimeException e) {
            // no pid files: only postgres, the driver and the machine are counted
        }
        return groups;
    }

    /** All non-idle time of all cores: user, nice, system, irq, softirq, steal. */
    private static long machineBusy() {
        String[] f = read(Path.of("/proc/stat")).lines().filter(l -> l.startsWith("cpu ")).findFirst().orElseThrow()
                .trim().split("\\s+");
        return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                + Long.parseLong(f[7]) + Long.parseLong(f[8]);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }
}
