/** The host API the benchmark plugins implement; shared with every plugin, as a host's API would be. */
package dev.plinth.bench.api;
