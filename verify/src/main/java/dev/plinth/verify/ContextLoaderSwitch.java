package dev.plinth.verify;

import java.util.Objects;

/**
 * Whether calls into a plugin must set the thread context class loader to the plugin's loader: the verifier's
 * judgement, which a runtime reads to leave that loader alone on calls into a plugin proven never to consult it.
 *
 * <p>Not needed only when the code the plugin's entry points reach (its own classes and the libraries it carries)
 * calls none of the JDK members {@code ContextLoaderReaders} lists (those that read or set the context class loader,
 * create threads, or run code by reflection, method handles, service providers or deserialization), calls no native
 * method of its own, and calls no code of the host or of another plugin, which the analysis does not follow.
 * Anything else, and anything the analysis could not read, keeps the switch.
 *
 * @param needed whether calls must set the context class loader to the plugin's loader
 * @param reason why, naming the first site found when it is needed, e.g.
 *               {@code com.acme.Codecs.load(): calls java.util.ServiceLoader.load(Class), which reads the thread
 *               context class loader}
 */
public record ContextLoaderSwitch(boolean needed, String reason) {
    private static final ContextLoaderSwitch NOT_NEEDED = new ContextLoaderSwitch(false, "the code its entry points"
            + " reach neither consults nor sets the thread context class loader");

    /** Checks that a reason is given. */
    public ContextLoaderSwitch {
        Objects.requireNonNull(reason, "reason == null");
    }

    /** Calls must switch the context class loader, for this reason. */
    public static ContextLoaderSwitch needed(String reason) {
        return new ContextLoaderSwitch(true, reason);
    }

    /** Proven: calls may leave the context class loader as it is. */
    public static ContextLoaderSwitch notNeeded() {
        return NOT_NEEDED;
    }
}
