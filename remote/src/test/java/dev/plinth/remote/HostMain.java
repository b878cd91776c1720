package dev.plinth.remote;

import java.nio.file.Path;

/** A small host for {@code LifecycleTest}: launches a remote plugin, prints its child's pid, then waits forever. */
final class HostMain {
    private HostMain() {
    }

    public static void main(String[] args) throws Exception {
        RemotePlugin plugin = RemotePlugin.launch(RemoteFixtures.options(Path.of(args[0])).build());
        System.out.println("CHILD-PID " + plugin.pid().orElseThrow());
        System.out.flush();
        Thread.currentThread().join(); // until killed
    }
}
